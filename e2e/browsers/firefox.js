/**
 * Firefox ESR (/usr/bin/firefox-esr) with the extension installed as a temporary add-on,
 * driven by selenium-webdriver through geckodriver. See TOOLCHAIN.md §6.
 */

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

import { Builder, By, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

const ADDON_ID = 'termwatch@example.org';
const UUID = '6a1e5e7e-0000-4000-8000-7e57ab1e0001';

export async function launchFirefox({ extensionDir, proxyPort }) {
  process.env.SE_OFFLINE = 'true';
  // Lets the pref below point Firefox's own Remote Settings sync at a dummy, so the browser
  // itself stays quiet and every request the proxy sees can be attributed.
  process.env.MOZ_REMOTE_SETTINGS_DEVTOOLS = '1';
  const options = new firefox.Options()
    .addArguments('-headless')
    .setBinary(process.env.FIREFOX ?? '/usr/bin/firefox-esr')
    .windowSize({ width: 1200, height: 900 })
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [ADDON_ID]: UUID }))
    .setPreference('network.proxy.type', 1)
    .setPreference('network.proxy.http', '127.0.0.1')
    .setPreference('network.proxy.http_port', Number(proxyPort))
    .setPreference('network.proxy.ssl', '127.0.0.1')
    .setPreference('network.proxy.ssl_port', Number(proxyPort))
    .setPreference('network.proxy.no_proxies_on', '')
    .setPreference('network.proxy.allow_hijacking_localhost', true)
    .setPreference('network.captive-portal-service.enabled', false)
    .setPreference('network.connectivity-service.enabled', false)
    .setPreference('browser.safebrowsing.update.enabled', false)
    .setPreference('extensions.getAddons.cache.enabled', false)
    .setPreference('services.settings.server', 'data:,#remote-settings-dummy/v1')
    .setPreference('toolkit.telemetry.enabled', false)
    .setPreference('datareporting.policy.dataSubmissionEnabled', false);

  const geckodriver = process.env.GECKODRIVER
    ?? execFileSync('sh', ['-c', 'command -v geckodriver'], { encoding: 'utf8' }).trim();
  const driver = await new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(geckodriver).addArguments('--allow-system-access'))
    .build();
  await driver.installAddon(extensionDir, true);

  const base = `moz-extension://${UUID}/`;
  const mainHandle = await driver.getWindowHandle();
  let extHandle = null;

  async function inTab(handle, work) {
    await driver.switchTo().window(handle);
    try {
      return await work();
    } finally {
      await driver.switchTo().window(mainHandle);
    }
  }

  /** Runs a function (called with `arg`) or an expression string in the current tab. */
  async function run(fn, arg) {
    const call = typeof fn === 'string' ? fn : `(${fn})(arguments[0])`;
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => ${call})
        .then((value) => done({ value }), (error) => done({ error: String(error) }));`;
    const result = await driver.executeAsyncScript(script, arg);
    if (result?.error) throw new Error(result.error);
    return result?.value;
  }

  async function newTab(url) {
    await driver.switchTo().newWindow('tab');
    const handle = await driver.getWindowHandle();
    await driver.get(url);
    await driver.switchTo().window(mainHandle);
    return handle;
  }

  async function tabPage(path) {
    const handle = await newTab(`${base}${path}`);
    return {
      eval: (fn, arg) => inTab(handle, () => run(fn, arg)),
      // The page's body alone: a popup is a narrow body in a window that cannot be narrower.
      screenshot: (file) => inTab(handle, async () => {
        const body = await driver.findElement(By.css('body'));
        writeFileSync(file, await body.takeScreenshot(), 'base64');
      }),
      close: () => inTab(handle, () => driver.close()),
    };
  }

  return {
    name: 'firefox',
    base,
    driver,

    async goto(url) {
      await driver.get(url);
    },

    main: (fn, arg) => run(fn, arg),

    /** Firefox's requests are only seen by the proxy (the browser itself is kept silent). */
    requests: () => null,

    resetRequests() {},

    pressKey: (key) => driver.actions().sendKeys(Key[key.toUpperCase()]).perform(),

    async ext(fn, arg) {
      extHandle ??= await newTab(`${base}options/options.html`);
      return inTab(extHandle, () => run(fn, arg));
    },

    /** Firefox's background is an event page; extension pages share its API. */
    background(fn, arg) {
      return this.ext(fn, arg);
    },

    async stopBackground() {
      throw new Error('stopping the background is only measured in Chromium');
    },

    async openPopup(tabId) {
      await driver.manage().window().setRect({ width: 1200, height: 900 });
      return tabPage(`popup/popup.html?tab=${tabId}`);
    },

    openExtensionPage: tabPage,

    async screenshot(path) {
      writeFileSync(path, await driver.takeScreenshot(), 'base64');
    },

    async close() {
      await driver.quit();
    },
  };
}
