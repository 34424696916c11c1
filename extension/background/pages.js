/**
 * What happens when a content script hands over a page that may be terms: the engine reads
 * it, a new version is stored when the text changed, the change since the last version is
 * judged, and the tab gets its report (badge, popup, highlights).
 *
 * Tab reports live in `storage.session` (kept while the browser runs, dropped at exit) so a
 * background stopped between events loses nothing.
 */

import { ext, t } from '../shared/browser.js';
import { FromBackground } from '../shared/messages.js';
import { setBadge } from './badge.js';
import { compareVersions } from './compare.js';
import * as engine from './engine.js';
import { notifyChange } from './notify.js';
import { StoreError, summaryOf } from './store.js';

const TAB_PREFIX = 'tab:';

/**
 * Handles `cs.pageRead`: returns what the content script should highlight, or `null` when the
 * engine says this is not a terms page. The reply goes out as soon as the engine has read the
 * page; storing the version and judging the change follow (`recordVersion`), so the reader
 * sees highlights without waiting for storage.
 */
export async function onPageRead(store, { page, readMs }, sender) {
  const tabId = sender.tab?.id;
  countPageRead(page.url).catch(() => {});
  const coldStartIncluded = !engine.isStarted();
  const began = performance.now();
  const analysis = await engine.analyzePage(page);
  const analyzeMs = performance.now() - began;

  if (!analysis.detection.is_terms) {
    await forgetTab(tabId);
    return null;
  }

  const settings = await store.settings();
  const entry = await store.document(await keyOf(page.url));
  const report = await tabReport(tabId, page, analysis, entry, settings, {
    readMs,
    analyzeMs,
    coldStartMs: engine.coldStartMs,
    coldStartIncluded,
  });
  await updateTabReport(tabId, () => report);

  recordVersion(store, tabId, page, analysis, settings)
    .catch((error) => console.error('termwatch: could not record this version', error));

  const silent = settings.silentSites.includes(hostOf(page.url)) || !settings.overlay;
  const { allFindings, ...forPage } = report;
  return silent ? { ...forPage, findings: [] } : forPage;
}

/** Stores the version if it is new, then brings the tab's report and badge up to date. */
async function recordVersion(store, tabId, page, analysis, settings) {
  const stored = await storeVersion(store, page, analysis, settings);
  await updateTabReport(tabId, (report) => report && {
    ...report,
    change: stored.entry?.change ?? null,
    storeError: stored.error ?? null,
  });
}

/** Records what the content script managed to highlight (for the popup and the tests). */
export function onHighlighted({ shown, dropped, highlightedAt, readStartedAt, repliedAt },
  sender) {
  return updateTabReport(sender.tab?.id, (report) => report && {
    ...report,
    timing: { ...report.timing, highlightedAt, readStartedAt, repliedAt, shown, dropped },
  });
}

const tabQueues = new Map();

/**
 * Changes a tab's report in `storage.session` and its badge. Updates to one tab run one after
 * the other, so two messages arriving together cannot overwrite each other's change.
 */
export function updateTabReport(tabId, change) {
  if (tabId === undefined) return Promise.resolve();
  const key = TAB_PREFIX + tabId;
  const queued = (tabQueues.get(tabId) ?? Promise.resolve()).then(async () => {
    const current = (await ext.storage.session.get(key))[key] ?? null;
    const next = change(current);
    if (!next) return;
    await ext.storage.session.set({ [key]: next });
    await setBadge(tabId, next);
  });
  tabQueues.set(tabId, queued.catch(() => {}));
  return queued;
}

/**
 * Counts the pages content scripts handed over this session (shown nowhere; it lets the
 * tests check that a page that is plainly not terms sends nothing).
 */
async function countPageRead(url) {
  const { stats } = await ext.storage.session.get('stats');
  const next = { pagesRead: (stats?.pagesRead ?? 0) + 1, lastUrl: url };
  await ext.storage.session.set({ stats: next });
}

export async function tabReportOf(tabId) {
  const key = TAB_PREFIX + tabId;
  return (await ext.storage.session.get(key))[key] ?? null;
}

export async function forgetTab(tabId) {
  if (tabId === undefined) return;
  await ext.storage.session.remove(TAB_PREFIX + tabId);
  await setBadge(tabId, null);
}

/** Saves the page as a new version when its text differs from the latest stored one. */
async function storeVersion(store, page, analysis, settings) {
  const docKey = await keyOf(page.url);
  const hash = await contentHash(page);
  const entry = await store.document(docKey);
  const latest = entry?.versions.at(-1);
  if (latest?.hash === hash) return { entry, saved: false };

  const capturedAt = Date.now();
  const record = {
    id: `${capturedAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    docKey,
    capturedAt,
    hash,
    engine: await engine.engineVersion(),
    page: { url: page.url, title: page.title, blocks: page.blocks },
    analysis: compactAnalysis(analysis),
    snapshot: await snapshotOf(page, docKey, capturedAt),
  };

  const previous = latest ? await store.version(latest.id) : null;
  const change = previous ? await compareVersions(previous, record) : null;
  const flippedBack = entry?.versions.some((version) => version.hash === hash) ?? false;
  const alert = Boolean(change?.substantive) && !flippedBack;

  try {
    const updated = await store.addVersion(record, summaryOf(record), (current) => ({
      ...current,
      url: page.url,
      title: page.title,
      kind: analysis.detection.kind,
      change: alert ? { ...change, seen: false } : current.change,
    }));
    if (alert && settings.notifications && !settings.silentSites.includes(hostOf(page.url))) {
      await notifyChange(updated, change);
    }
    return { entry: updated, saved: true };
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return { entry, saved: false, error: error.code };
  }
}

/** The engine's snapshot of this version, or `null` from a build without change tracking. */
async function snapshotOf(page, docKey, capturedAt) {
  if (!(await engine.hasChangeTracking())) return null;
  return engine.captureSnapshot(page, docKey, capturedAt);
}

/** The document key: the engine's canonical key when it has one, else origin and path. */
async function keyOf(url) {
  if (await engine.hasChangeTracking()) {
    try {
      return await engine.canonicalKey(url);
    } catch {
      // Not a URL the engine can key (it says why); fall back to the plain form below.
    }
  }
  return documentKey(url);
}

async function tabReport(tabId, page, analysis, entry, settings, timing) {
  const names = await categoryNames();
  const allFindings = analysis.findings.map((finding, index) => ({
    id: `f${index}`,
    category: finding.category,
    name: names.get(finding.category) ?? finding.category,
    polarity: finding.polarity,
    severity: finding.severity,
    quote: finding.quote,
    explanation: finding.explanation,
    facts: finding.facts,
    section: finding.section,
    span: finding.span,
  }));

  return {
    tabId,
    docKey: await keyOf(page.url),
    url: page.url,
    title: page.title,
    kind: analysis.detection.kind,
    kindLabel: t(`kind_${analysis.detection.kind}`),
    grade: analysis.grade.letter,
    gradeReasons: analysis.grade.reasons,
    words: analysis.document.words,
    allFindings,
    findings: enabledFindings(allFindings, settings),
    change: entry?.change ?? null,
    storeError: null,
    timing,
  };
}

/** The findings whose category the user has not turned off. */
export function enabledFindings(findings, settings) {
  const disabled = new Set(settings.disabledCategories);
  return findings.filter((finding) => !disabled.has(finding.category));
}

/**
 * Applies new settings to every open tab: its report, badge and highlights. Returns the tab
 * ids updated.
 */
export async function applySettings(settings) {
  const session = await ext.storage.session.get(null);
  const updated = [];
  for (const [key, stored] of Object.entries(session)) {
    if (!key.startsWith(TAB_PREFIX) || !Array.isArray(stored?.allFindings)) continue;
    const tabId = stored.tabId;
    await updateTabReport(tabId, (report) => report && {
      ...report,
      findings: enabledFindings(report.allFindings, settings),
    });
    const report = await tabReportOf(tabId);
    const silent = settings.silentSites.includes(hostOf(report.url)) || !settings.overlay;
    ext.tabs.sendMessage(tabId, {
      type: FromBackground.REFRESH,
      findings: silent ? [] : report.findings,
    }).catch(() => {});
    updated.push(tabId);
  }
  return updated;
}

let namesCache = null;
async function categoryNames() {
  namesCache ??= new Map((await engine.categories()).map((category) => [category.id, category.name]));
  return namesCache;
}

/** What a stored version keeps of an analysis: no clause list, which the text can rebuild. */
function compactAnalysis(analysis) {
  return {
    kind: analysis.detection.kind,
    grade: analysis.grade.letter,
    words: analysis.document.words,
    findings: analysis.findings.map((finding) => ({
      category: finding.category,
      polarity: finding.polarity,
      severity: finding.severity,
      quote: finding.quote,
      facts: finding.facts,
      span: finding.span,
    })),
  };
}

/** One key per document: origin and path, without query, fragment or trailing slash. */
export function documentKey(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return String(url);
  }
}

function hostOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

async function contentHash(page) {
  const text = page.blocks.filter((block) => !block.hidden).map((block) => block.text).join('\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
