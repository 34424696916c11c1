/**
 * The background: the only place the engine runs and data is stored.
 *
 * All listeners are registered synchronously at the top level, so an event that wakes a
 * stopped worker (Chrome) or event page (Firefox) reaches them. Nothing is kept in module
 * variables that must outlive the worker: tab reports are in `storage.session`, everything
 * else in `storage.local` (see store.js).
 */

import { ext } from '../shared/browser.js';
import { FromBackground, FromContent, FromUi, listen, tellTab } from '../shared/messages.js';
import { setBadge } from './badge.js';
import { compareVersions } from './compare.js';
import * as engine from './engine.js';
import { onNotificationClicked } from './notify.js';
import {
  applySettings, forgetTab, onHighlighted, onPageRead, tabReportOf, updateTabReport,
} from './pages.js';
import { Store, StoreError } from './store.js';

const store = new Store(ext.storage.local);

listen({
  [FromContent.PAGE_READ]: (message, sender) => onPageRead(store, message, sender),
  [FromContent.HIGHLIGHTED]: (message, sender) => onHighlighted(message, sender),

  [FromUi.GET_TAB_REPORT]: async ({ tabId }) => withDocument(await tabReportOf(tabId)),
  [FromUi.MARK_SEEN]: ({ tabId }) => markSeen(tabId),
  [FromUi.LIST_DOCUMENTS]: async () => Object.values((await store.index()).docs),
  [FromUi.GET_DOCUMENT]: ({ docKey }) => store.document(docKey),
  [FromUi.GET_VERSION]: ({ id }) => store.version(id),
  [FromUi.COMPARE]: ({ fromId, toId }) => compareStored(fromId, toId),
  [FromUi.GET_CATEGORIES]: () => engine.categories(),
  [FromUi.GET_SETTINGS]: () => store.settings(),
  [FromUi.SAVE_SETTINGS]: async ({ settings }) => {
    const saved = await store.saveSettings(settings);
    await applySettings(saved);
    return saved;
  },
  [FromUi.EXPORT_ALL]: () => store.exportAll(),
  [FromUi.IMPORT_ALL]: ({ data }) => store.importAll(data),
  [FromUi.DELETE_ALL]: () => deleteAll(),
  [FromUi.GET_PROBLEMS]: () => store.problems(),
  [FromUi.CLEAR_PROBLEMS]: () => store.clearProblems(),
});

ext.commands.onCommand.addListener((command, tab) => {
  const step = { 'next-finding': 1, 'previous-finding': -1 }[command];
  if (step) stepActiveTab(step, tab);
});

ext.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId).catch(() => {});
});

ext.notifications.onClicked.addListener(onNotificationClicked);

ext.runtime.onInstalled.addListener(() => {
  store.open().catch((error) => console.error('termwatch: storage could not be opened', error));
});

async function stepActiveTab(step, tab) {
  const tabId = tab?.id ?? (await ext.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId !== undefined) await tellTab(tabId, FromBackground.STEP, { step }).catch(() => {});
}

/** A tab report plus its document's stored versions, for the popup. */
async function withDocument(report) {
  if (!report) return null;
  const entry = await store.document(report.docKey);
  return { ...report, versions: entry?.versions ?? [], change: entry?.change ?? report.change };
}

async function markSeen(tabId) {
  const report = await tabReportOf(tabId);
  if (!report?.change || report.change.seen) return null;

  await store.updateDocument(report.docKey, (entry) => ({
    ...entry,
    change: entry.change && { ...entry.change, seen: true },
  }));
  await updateTabReport(tabId, (current) => current && {
    ...current,
    change: current.change && { ...current.change, seen: true },
  });
  return null;
}

async function compareStored(fromId, toId) {
  const [older, newer] = await Promise.all([store.version(fromId), store.version(toId)]);
  if (!older || !newer) throw new StoreError('missing_version', 'a stored version is missing');
  return { older, newer, report: await compareVersions(older, newer) };
}

async function deleteAll() {
  await store.deleteAll();
  const tabs = await ext.tabs.query({});
  await ext.storage.session.clear();
  await Promise.all(tabs.map((tab) => setBadge(tab.id, null)));
}
