/** Small helpers shared by the end-to-end tests. */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');

/** Polls `probe()` until it returns a truthy value or `timeoutMs` passes; returns the value. */
export async function waitFor(probe, { timeoutMs = 8000, everyMs = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Main-world probe: the Termwatch highlights registered on the page, with range counts. */
export function highlightState() {
  const names = [...CSS.highlights.keys()].filter((name) => name.startsWith('termwatch'));
  const ranges = Object.fromEntries(names.map((name) => [name, CSS.highlights.get(name).size]));
  return {
    names,
    ranges,
    total: Object.values(ranges).reduce((a, b) => a + b, 0),
    overlay: document.querySelectorAll('termwatch-ui').length,
  };
}

/** Extension-page probe: everything in `storage.session` (tab reports and stats). */
export async function sessionState() {
  const api = globalThis.browser ?? globalThis.chrome;
  return api.storage.session.get(null);
}

/** The tab report (from `storage.session`) for the page at `url`, if any. */
export async function reportFor(browser, url) {
  const session = await browser.ext(sessionState);
  return Object.entries(session)
    .filter(([key, value]) => key.startsWith('tab:') && value?.url === url)
    .map(([, value]) => value)[0] ?? null;
}

export async function badgeText(browser, tabId) {
  return browser.ext((id) => (globalThis.browser ?? globalThis.chrome).action.getBadgeText({ tabId: id }), tabId);
}

/** Real terms pages from the shared Open Terms Archive data, when it is present. */
export function realTermsPages(limit = 12) {
  const base = join(ROOT, '..', 'shared', 'data', 'open_terms_archive');
  const fallback = '/work/shared/data/open_terms_archive';
  const dir = existsSync(base) ? base : fallback;
  if (!existsSync(join(dir, 'index.jsonl'))) return [];

  return readFileSync(join(dir, 'index.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((entry) => entry.path.startsWith('snapshots/') && entry.lang === 'en')
    .filter((entry) => ['terms_of_service', 'privacy_policy'].includes(entry.kind))
    .sort((a, b) => a.path.localeCompare(b.path))
    .filter((entry, index, all) => all.findIndex((other) => other.service === entry.service) === index)
    .slice(0, limit)
    .map((entry) => ({ ...entry, file: join(dir, entry.path) }));
}

/** Every element's box, keyed by its position in the tree; our own host is left out. */
export function elementBoxes() {
  const boxes = [];
  for (const element of document.querySelectorAll('*')) {
    if (element.tagName === 'TERMWATCH-UI') continue;
    const rect = element.getBoundingClientRect();
    boxes.push(`${element.tagName} ${rect.x},${rect.y},${rect.width},${rect.height}`);
  }
  return { boxes, scrollHeight: document.documentElement.scrollHeight };
}

export function readAxe() {
  return readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
}
