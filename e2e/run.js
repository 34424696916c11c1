/**
 * The end-to-end suite: the built extension (dist/chrome, dist/firefox) in real Chromium and
 * Firefox ESR, on pages served from 127.0.0.1 by e2e/server.js, which is also each browser's
 * proxy. Run with `scripts/test-e2e.sh` (builds first) or `node --test e2e/run.js`.
 * `E2E_BROWSERS=chromium` or `=firefox` runs one browser.
 *
 * Timing figures are printed as `figure:` lines; screenshots go to e2e/screenshots/.
 */

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchChromium } from './browsers/chromium.js';
import { launchFirefox } from './browsers/firefox.js';
import { EXPECTED_V1 } from './fixtures/pages.js';
import {
  ROOT, SCREENSHOTS, badgeText, elementBoxes, highlightState, readAxe, realTermsPages,
  reportFor, sessionState, sleep, waitFor,
} from './helpers.js';
import { startServer } from './server.js';

const BROWSERS = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',');
const LAUNCHERS = { chromium: launchChromium, firefox: launchFirefox };
const DIST = { chromium: 'chrome', firefox: 'firefox' };
const REAL_PAGES = realTermsPages(12);

mkdirSync(SCREENSHOTS, { recursive: true });

function hostOf(line) {
  const target = line.split(' ')[1];
  return target.includes('://') ? new URL(target).host : target;
}

function figure(name, value) {
  console.log(`figure: ${name} = ${value}`);
}

for (const name of BROWSERS) {
  describe(name, () => {
    let server;
    let browser;
    let tabId;

    before(async () => {
      server = await startServer({ realPages: REAL_PAGES.map((page) => page.file) });
      browser = await LAUNCHERS[name]({
        extensionDir: join(ROOT, 'dist', DIST[name]),
        proxyPort: server.port,
      });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    async function visit(path) {
      const url = server.url(path);
      await browser.goto(url);
      return url;
    }

    async function waitForHighlights(what) {
      return waitFor(async () => {
        const state = await browser.main(highlightState);
        return state.total > 0 && state;
      }, { what: `highlights on ${what}` });
    }

    async function waitForReport(url, accept = (report) => report) {
      return waitFor(async () => {
        const report = await reportFor(browser, url);
        return report && accept(report) && report;
      }, { what: `the tab report for ${url}` });
    }

    test('1. a terms page gets highlights, the right badge and a popup listing its findings',
      async () => {
        server.setVersion('v1');
        const url = await visit('/terms');
        const state = await waitForHighlights('/terms');
        const report = await waitForReport(url, (r) => r.timing?.shown !== undefined);
        tabId = report.tabId;
        await browser.screenshot(join(SCREENSHOTS, `${name}-page.png`));

        assert.ok(state.names.every((n) => n.startsWith('termwatch')));
        assert.equal(state.total, report.timing.shown, 'one highlighted range per placed finding');
        assert.equal(report.timing.dropped, 0, 'every finding found its text');

        const risks = report.findings.filter((finding) => finding.polarity === 'risk').length;
        assert.equal(await badgeText(browser, tabId), String(risks));

        const popup = await browser.openPopup(tabId);
        const listed = await waitFor(() => popup.eval(() => document.body.dataset.ready === 'true'
          && [...document.querySelectorAll('[data-finding]')].map((el) => el.dataset.category)),
        { what: 'the popup findings' });
        await popup.screenshot(join(SCREENSHOTS, `${name}-popup.png`));
        await popup.eval(() => document.querySelector('[data-finding] button').click());
        await waitFor(() => browser.main(() => CSS.highlights.has('termwatch-focus')),
          { what: '"Show on page" to mark the finding' });
        await popup.close();
        assert.deepEqual(listed.sort(), report.findings.map((f) => f.category).sort());

        // What the engine must find on this page; passes once the clause engine is in.
        const categories = new Set(report.findings.map((finding) => finding.category));
        for (const expected of EXPECTED_V1) {
          assert.ok(categories.has(expected), `finding ${expected} on the v1 terms page`);
        }
      });

    test('2. an arbitration clause added is flagged; a cosmetic edit raises nothing', async () => {
      server.setVersion('v2');
      const url = await visit('/terms');
      const report = await waitForReport(url, (r) => r.change && !r.change.seen);
      assert.match(await badgeText(browser, report.tabId), /!$/, 'badge shows the change');
      assert.ok(report.change.risks_added.some((risk) => risk.category === 'arbitration'));
      // The notification is announced after the report is stored, so wait for it. What is
      // checked is Termwatch's own record of announcing it: headless browsers do not always
      // keep a notification centre to read back from.
      const announced = () => browser.ext(async () => Object.keys(
        await (globalThis.browser ?? globalThis.chrome).storage.session.get(null))
        .filter((key) => key.startsWith('notified:')));
      await waitFor(async () => (await announced()).length > 0,
        { what: 'a notification for the substantive change' });
      assert.equal((await announced()).length, 1, 'one notification for the change');

      const popup = await browser.openPopup(report.tabId);
      await waitFor(() => popup.eval(() => document.querySelector(
        '[data-change-kind="risk_added"][data-category="arbitration"]') !== null),
      { what: 'the change card naming arbitration' });
      await popup.screenshot(join(SCREENSHOTS, `${name}-popup-change.png`));
      await popup.close();
      await waitFor(async () => !(await badgeText(browser, report.tabId)).endsWith('!'),
        { what: 'the change marker to clear once seen' });

      const versionsBefore = report.versions?.length;
      await browser.ext(() => (globalThis.browser ?? globalThis.chrome).notifications.getAll()
        .then((all) => Promise.all(Object.keys(all).map((id) =>
          (globalThis.browser ?? globalThis.chrome).notifications.clear(id)))));
      server.setVersion('v3');
      await visit('/terms');
      await waitForHighlights('/terms v3');
      await sleep(500);
      const cosmetic = await reportFor(browser, url);
      assert.equal(cosmetic.change?.toId, report.change.toId, 'no new change recorded');
      assert.doesNotMatch(await badgeText(browser, report.tabId), /!$/);
      assert.equal((await announced()).length, 1, 'no notification for a cosmetic change');
      void versionsBefore;
    });

    test('3. a page that is plainly not terms: nothing registered, no message sent', async () => {
      const before = (await browser.ext(sessionState)).stats?.pagesRead ?? 0;
      await visit('/news/council-backs-bike-lanes');
      await sleep(2000);
      const state = await browser.main(highlightState);
      assert.equal(state.total, 0);
      assert.equal(state.names.length, 0);
      assert.equal(state.overlay, 0);
      const afterCount = (await browser.ext(sessionState)).stats?.pagesRead ?? 0;
      assert.equal(afterCount, before, 'the content script sent no page');
    });

    test('4. a terms page under a strict CSP is still annotated', async () => {
      await visit('/terms-csp');
      const state = await waitForHighlights('/terms-csp');
      assert.ok(state.total > 0);
      assert.equal(state.overlay, 1, 'the summary host is there');
    });

    test('5. hostile CSS: no page element moves when Termwatch annotates', async () => {
      await visit('/hostile');
      await waitForHighlights('/hostile');
      const annotated = await browser.main(elementBoxes);
      await browser.main(() => {
        document.querySelector('termwatch-ui')?.remove();
        for (const name of [...CSS.highlights.keys()]) CSS.highlights.delete(name);
      });
      const bare = await browser.main(elementBoxes);
      assert.equal(annotated.boxes.length, bare.boxes.length);
      assert.deepEqual(annotated.boxes, bare.boxes, 'every element box identical');
      assert.equal(annotated.scrollHeight, bare.scrollHeight);
    });

    test('6. a single-page site: terms rendered after a History API navigation', async () => {
      await visit('/spa');
      await browser.main(() => document.getElementById('go-terms').click());
      const state = await waitForHighlights('/spa/terms');
      assert.ok(state.total > 0);
    });

    test('7. real terms pages (Open Terms Archive snapshots) are detected and annotated',
      { skip: REAL_PAGES.length === 0 && 'no ../shared/data' }, async () => {
        const results = [];
        for (let i = 0; i < REAL_PAGES.length; i++) {
          const url = await visit(`/real/${i}`);
          let state = null;
          try {
            state = await waitFor(async () => {
              const s = await browser.main(highlightState);
              return s.total > 0 && s;
            }, { timeoutMs: 4000, what: REAL_PAGES[i].path });
          } catch {
            state = await browser.main(highlightState);
          }
          const report = await reportFor(browser, url);
          results.push({ page: REAL_PAGES[i].path, detected: Boolean(report), ranges: state.total });
        }
        const annotated = results.filter((r) => r.detected && r.ranges > 0);
        for (const r of results) console.log(`  ${r.detected ? 'detected' : 'missed  '} ${r.ranges} ranges  ${r.page}`);
        figure(`${name} real pages detected and annotated`, `${annotated.length}/${results.length}`);
        assert.ok(annotated.length >= 10, `${annotated.length} of ${results.length} annotated`);
      });

    test('8. keyboard: a command steps to a finding; the summary is reachable by Tab',
      async () => {
        server.setVersion('v1');
        const url = await visit('/terms');
        await waitForHighlights('/terms');
        const report = await waitForReport(url);
        const scrolledBefore = await browser.main(() => window.scrollY);
        await browser.ext(({ tab }) => (globalThis.browser ?? globalThis.chrome).tabs
          .sendMessage(tab, { type: 'bg.step', step: 1 }), { tab: report.tabId });
        await waitFor(() => browser.main(() => CSS.highlights.has('termwatch-focus')),
          { what: 'the focused finding' });
        const scrolledAfter = await browser.main(() => window.scrollY);
        assert.notEqual(scrolledAfter, scrolledBefore, 'the page scrolled to the finding');

        let reached = false;
        for (let i = 0; i < 40 && !reached; i++) {
          await browser.pressKey('Tab');
          reached = await browser.main(() => document.activeElement?.tagName === 'TERMWATCH-UI');
        }
        assert.ok(reached, 'Tab reaches the Termwatch summary');
      });

    test('settings apply to open tabs; export, delete and import keep every version',
      async () => {
        server.setVersion('v1');
        const url = await visit('/terms');
        await waitForHighlights('/terms');
        const report = await waitForReport(url, (r) => r.findings.length > 0);
        const category = report.findings.find((f) => f.polarity === 'risk')?.category;
        assert.ok(category, 'a risk finding to turn off');
        const send = (type, payload) => browser.ext(async ([t, p]) => {
          const reply = await (globalThis.browser ?? globalThis.chrome).runtime
            .sendMessage({ type: t, ...p });
          if (!reply.ok) throw new Error(reply.error.message);
          return reply.value;
        }, [type, payload]);

        const settings = await send('ui.getSettings', {});
        await send('ui.saveSettings', {
          settings: { ...settings, disabledCategories: [category] },
        });
        const expected = report.findings.filter((f) => f.category !== category);
        await waitFor(async () => parseInt(await badgeText(browser, report.tabId), 10)
          === expected.filter((f) => f.polarity === 'risk').length,
        { what: 'the badge to drop the category turned off' });
        const state = await waitFor(async () => {
          const s = await browser.main(highlightState);
          return s.total === expected.length && s;
        }, { what: 'highlights without the category turned off' });
        assert.equal(state.total, expected.length);
        await send('ui.saveSettings', { settings });

        const exported = await send('ui.exportAll', {});
        const versions = exported.versions.length;
        assert.ok(versions >= 1);
        await send('ui.deleteAll', {});
        assert.equal((await send('ui.listDocuments', {})).length, 0);
        const imported = await send('ui.importAll', { data: exported });
        assert.equal(imported.added, versions);
        const back = await send('ui.exportAll', {});
        assert.deepEqual(back.versions.map((v) => v.id).sort(),
          exported.versions.map((v) => v.id).sort());
      });

    test('9. accessibility: no serious or critical axe issue on our pages, light and dark',
      async () => {
        const axe = readAxe();
        const pages = { popup: `popup/popup.html?tab=${tabId}`, options: 'options/options.html',
          compare: 'compare/compare.html' };
        const schemes = name === 'chromium' ? ['light', 'dark'] : ['light'];
        for (const scheme of schemes) {
          for (const [label, path] of Object.entries(pages)) {
            const page = await browser.openExtensionPage(path, { colorScheme: scheme });
            await waitFor(() => page.eval(() => document.body.dataset.ready === 'true'),
              { what: `${path} to render` });
            await page.screenshot(join(SCREENSHOTS, `${name}-${label}-${scheme}.png`));
            const violations = await page.eval(`(async () => { ${axe};
              const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
              return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
                .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')); })()`);
            await page.close();
            assert.deepEqual(violations, [], `${path} (${scheme})`);
          }
        }
      });

    test('speed: 20,000-word terms page, cold and warm; cost on a news article',
      { skip: name !== 'chromium' && 'timed in Chromium only' }, async () => {
        const url = server.url('/big-terms');
        // Five cold loads (the service worker stopped before each) and three warm ones: one
        // wall-clock figure on a shared machine is a sample, the median of five a measurement.
        const runs = [];
        for (const cold of [true, true, true, true, true, false, false, false]) {
          if (cold) await browser.stopBackground();
          await browser.goto('about:blank');
          await browser.goto(url);
          const report = await waitForReport(url, (r) => r.timing?.highlightedAt !== undefined);
          const loadEnd = await browser.main(() =>
            performance.getEntriesByType('navigation')[0].loadEventEnd);
          runs.push({ cold, loadEnd, ...report.timing });
          await browser.ext(async (key) => (globalThis.browser ?? globalThis.chrome)
            .storage.session.remove(key), `tab:${report.tabId}`);
        }
        for (const run of runs) {
          const label = run.cold ? 'cold' : 'warm';
          figure(`chromium 20k-word page ${label}: navigation start -> highlights (ms)`,
            run.highlightedAt.toFixed(1));
          figure(`chromium 20k-word page ${label}: load event -> highlights (ms)`,
            (run.highlightedAt - run.loadEnd).toFixed(1));
          figure(`chromium 20k-word page ${label}: load end -> script start -> reply -> painted`,
            [run.loadEnd, run.readStartedAt, run.repliedAt, run.highlightedAt]
              .map((ms) => ms?.toFixed(1)).join(' -> '));
          figure(`chromium 20k-word page ${label}: read blocks / analyze in WASM (ms)`,
            `${run.readMs.toFixed(1)} / ${run.analyzeMs.toFixed(1)}`);
          if (run.cold) {
            figure('chromium WASM cold start alone (ms)', run.coldStartMs?.toFixed(1));
            assert.ok(run.coldStartIncluded, 'the cold run paid the engine start');
          }
        }
        const costs = [];
        for (let i = 0; i < 5; i++) costs.push(await browser.contentScriptCost(server.url(`/news/${i}`)));
        costs.sort((a, b) => a - b);
        figure('chromium news article: content-script main-thread time per load, median (ms)',
          costs[2].toFixed(2));
        figure('chromium news article: all five loads (ms)', costs.map((c) => c.toFixed(2)).join(' '));
        // Budgets are reported as figures, not asserted: wall-clock time on a shared machine
        // is a measurement, and the README records what this run printed.
        const coldLoads = runs.filter((run) => run.cold)
          .map((run) => run.highlightedAt - run.loadEnd)
          .sort((a, b) => a - b);
        const coldMs = coldLoads[Math.floor(coldLoads.length / 2)];
        figure('chromium 20k-word page cold: all five loads -> highlights (ms)',
          coldLoads.map((ms) => ms.toFixed(1)).join(' '));
        figure('chromium 20k-word page cold: load -> highlights, median vs 300 ms budget',
          `${coldMs.toFixed(1)} ms, ${coldMs <= 300 ? 'within' : 'OVER'} budget`);
        figure('chromium news article: content-script cost vs 2 ms budget',
          `${costs[2].toFixed(2)} ms, ${costs[2] < 2 ? 'within' : 'OVER'} budget`);
      });

    test('6. no request leaves the machine', async () => {
      server.resetLog();
      browser.resetRequests();
      server.setVersion('v1');
      for (const path of ['/terms', '/news/quiet', '/terms-csp', '/spa']) {
        await visit(path);
        await sleep(1500);
      }
      const popup = await browser.openPopup(tabId);
      await sleep(500);
      await popup.close();

      const foreign = server.foreign();
      const ours = browser.requests();
      if (ours) {
        // Chromium's own services (component updates, account checks) cannot all be switched
        // off by flags; what the pages and the extension asked for is attributed over CDP.
        const elsewhere = ours.filter((url) => !url.startsWith(server.origin)
          && !url.startsWith(browser.base) && !url.startsWith('data:'));
        figure(`${name} requests by pages and the extension`, ours.length);
        console.log(`  browser's own requests seen by the proxy (not from a page or the `
          + `extension): ${[...new Set(foreign.map(hostOf))].join(', ') || 'none'}`);
        assert.deepEqual(elsewhere, [], 'every request went to the test server');
      } else {
        figure(`${name} requests through the proxy`, server.requests().length);
        assert.deepEqual(foreign, [], 'every request the browser made went to the test server');
      }
    });
  });
}
