/**
 * The notification shown when a document the user visits changed in substance since their
 * last visit. Clicking it opens the comparison of the two versions.
 */

import { ext, notificationOptions, t } from '../shared/browser.js';

const PREFIX = 'termwatch-change:';

/** Announces a substantive change of a document (`entry` from the index). */
export async function notifyChange(entry, change) {
  const title = t('notifyChangedTitle', entry.title || new URL(entry.url).hostname);
  const message = change.summary || t('notifyChangedMessage');
  const id = `${PREFIX}${entry.docKey}|${change.fromId}|${change.toId}`;
  // Recorded before the browser is asked, so the record says what Termwatch decided even where
  // a headless or locked-down browser shows no notification centre.
  await ext.storage.session.set({ [`${NOTIFIED}${id}`]: Date.now() });
  try {
    await ext.notifications.create(id, notificationOptions(title, message));
  } catch (error) {
    console.warn('termwatch: notification failed', error);
  }
}

/** Key prefix, in `storage.session`, of the changes this browser session announced. */
export const NOTIFIED = 'notified:';

/** Opens the comparison page for a clicked change notification. */
export function onNotificationClicked(id) {
  if (!id.startsWith(PREFIX)) return;
  const [docKey, from, to] = id.slice(PREFIX.length).split('|');
  const query = new URLSearchParams({ doc: docKey, from, to });
  ext.tabs.create({ url: ext.runtime.getURL(`compare/compare.html?${query}`) });
  ext.notifications.clear(id);
}
