/**
 * Every message the extension's parts exchange, in one place.
 *
 * A message is `{type, ...payload}`; its type names the direction: `cs.*` goes from the content
 * script to the background, `ui.*` from our own pages (popup, options, comparison) to the
 * background or to a tab's content script, `bg.*` from the background to a content script.
 * `ui.*` messages read or change stored data, so the background refuses them from anything but
 * our own pages (a content script runs inside a web page and is treated as untrusted).
 *
 * Replies are `{ok: true, value}` or `{ok: false, error: {code, message}}`; `request` turns the
 * latter into a thrown `MessageError`.
 */

import { ext, isOwnPage } from './browser.js';

/** Content script -> background. */
export const FromContent = Object.freeze({
  /** `{page: {url, title, blocks}, readMs}` -> `TabFindings` or `null` (not a terms page). */
  PAGE_READ: 'cs.pageRead',
  /** `{shown, dropped, highlightedAt}`: what could be highlighted, for the popup and tests. */
  HIGHLIGHTED: 'cs.highlighted',
});

/** Our own pages -> background (privileged) or -> a tab's content script. */
export const FromUi = Object.freeze({
  GET_TAB_REPORT: 'ui.getTabReport', // {tabId} -> TabReport | null
  MARK_SEEN: 'ui.markSeen', // {tabId} -> null; the change marker is cleared
  LIST_DOCUMENTS: 'ui.listDocuments', // {} -> DocumentIndex[]
  GET_DOCUMENT: 'ui.getDocument', // {docKey} -> DocumentIndex
  GET_VERSION: 'ui.getVersion', // {id} -> VersionRecord
  COMPARE: 'ui.compare', // {fromId, toId} -> {older, newer, report}
  GET_CATEGORIES: 'ui.getCategories', // {} -> Category[]
  GET_SETTINGS: 'ui.getSettings', // {} -> Settings
  SAVE_SETTINGS: 'ui.saveSettings', // {settings} -> Settings
  EXPORT_ALL: 'ui.exportAll', // {} -> export object
  IMPORT_ALL: 'ui.importAll', // {data} -> {documents, versions}
  DELETE_ALL: 'ui.deleteAll', // {} -> null
  GET_PROBLEMS: 'ui.getProblems', // {} -> Problem[]
  CLEAR_PROBLEMS: 'ui.clearProblems', // {} -> null
  /** To a content script: `{findingId}` scroll to a finding and show its tooltip. */
  SHOW_FINDING: 'ui.showFinding',
});

/** Background -> content script. */
export const FromBackground = Object.freeze({
  /** `{step: 1 | -1}`: move to the next or previous finding (keyboard command). */
  STEP: 'bg.step',
  /** `{findings}`: settings changed; show this subset instead. */
  REFRESH: 'bg.refresh',
});

/** A refused or failed request, carrying the handler's error code. */
export class MessageError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'MessageError';
    this.code = code;
  }
}

/** Sends a message to the background and returns its value, throwing `MessageError`. */
export async function request(type, payload = {}) {
  return unwrap(await ext.runtime.sendMessage({ type, ...payload }));
}

/** Sends a message to the content script of one tab. */
export async function tellTab(tabId, type, payload = {}) {
  return unwrap(await ext.tabs.sendMessage(tabId, { type, ...payload }));
}

function unwrap(reply) {
  if (reply === undefined) throw new MessageError('no_receiver', 'nobody answered');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.value;
}

/**
 * Registers `handlers` (`{[type]: async (message, sender) => value}`) on `runtime.onMessage`.
 * Call it synchronously at start-up: a background woken by a message only delivers it to
 * listeners that exist when its script has run.
 *
 * Messages whose type starts with `ui.` are answered only when they come from our own pages.
 */
export function listen(handlers) {
  ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const handler = typeof message?.type === 'string' ? handlers[message.type] : undefined;
    if (!handler) return false;

    if (message.type.startsWith('ui.') && !isOwnPage(sender)) {
      sendResponse(failure('refused', `${message.type} is only accepted from extension pages`));
      return false;
    }

    Promise.resolve()
      .then(() => handler(message, sender))
      .then((value) => sendResponse({ ok: true, value: value ?? null }))
      .catch((error) => sendResponse(failure(error.code ?? 'failed', String(error.message))));
    return true;
  });
}

function failure(code, message) {
  return { ok: false, error: { code, message } };
}
