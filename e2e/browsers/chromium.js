/**
 * Chromium (Debian's /usr/bin/chromium) with the unpacked extension, driven by playwright-core
 * over CDP. No browser is downloaded; see TOOLCHAIN.md §5.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

export async function launchChromium({ extensionDir, proxyPort }) {
  const profile = mkdtempSync(join(tmpdir(), 'termwatch-chromium-'));
  // Also report the extension service worker's own requests as context requests.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      '--proxy-bypass-list=<-loopback>',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-quic',
      '--metrics-recording-only',
    ],
  });

  let worker = await backgroundWorker(context);
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}/`;
  const page = context.pages()[0] ?? await context.newPage();
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  let extPage = null;

  async function extensionPage() {
    if (!extPage || extPage.isClosed()) {
      extPage = await context.newPage();
      await extPage.goto(`${base}options/options.html`);
      await page.bringToFront();
    }
    return extPage;
  }

  return {
    name: 'chromium',
    base,
    page,
    context,

    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },

    /** Every URL requested by a page, an extension page or the service worker so far. */
    requests: () => [...requests],

    resetRequests() {
      requests.length = 0;
    },

    pressKey: (key) => page.keyboard.press(key),

    /** Runs `fn(arg)` in the page's main world. */
    main(fn, arg) {
      return page.evaluate(fn, arg);
    },

    /** Runs `fn(arg)` in one of our extension pages (full API access). */
    async ext(fn, arg) {
      return (await extensionPage()).evaluate(fn, arg);
    },

    /** Runs `fn(arg)` in the background service worker. */
    async background(fn, arg) {
      worker = await backgroundWorker(context);
      return worker.evaluate(fn, arg);
    },

    /** Stops the service worker, so the next page pays the engine's cold start. */
    async stopBackground() {
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },

    /**
     * Main-thread time the content script spends on a page, from a Chromium trace: its
     * evaluation plus every callback it runs (timers, observers), in milliseconds, over the
     * load and six seconds after.
     */
    async contentScriptCost(url) {
      const cdp = await context.newCDPSession(page);
      const events = [];
      cdp.on('Tracing.dataCollected', (message) => events.push(...message.value));
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
      await page.goto(url, { waitUntil: 'load' });
      await new Promise((resolve) => setTimeout(resolve, 6000));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();

      const script = `${base}content/content.js`;
      const ours = events.filter((event) => event.ph === 'X'
        && ['EvaluateScript', 'FunctionCall'].includes(event.name)
        && event.args?.data?.url === script);
      return ours.reduce((sum, event) => sum + event.dur, 0) / 1000;
    },

    async openPopup(tabId) {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 440, height: 720 });
      await popup.goto(`${base}popup/popup.html?tab=${tabId}`);
      return {
        eval: (fn, arg) => popup.evaluate(fn, arg),
        screenshot: (path) => popup.screenshot({ path, fullPage: true }),
        close: () => popup.close(),
      };
    },

    async openExtensionPage(path, { colorScheme = 'light' } = {}) {
      const tab = await context.newPage();
      await tab.emulateMedia({ colorScheme });
      await tab.goto(`${base}${path}`);
      return {
        page: tab,
        eval: (fn, arg) => tab.evaluate(fn, arg),
        screenshot: (file) => tab.screenshot({ path: file, fullPage: true }),
        close: () => tab.close(),
      };
    },

    screenshot: (path) => page.screenshot({ path }),

    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker; it may start before or after the context is returned. */
async function backgroundWorker(context, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [worker] = context.serviceWorkers();
    if (worker) return worker;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the extension service worker did not start');
}
