/**
 * The comparison of two stored versions of a document, done by the engine's change tracker.
 */

import * as engine from './engine.js';

/**
 * The change report between two version records, or `null` when this build of the engine has
 * no change tracker (the versions are still stored and can be compared later).
 */
export async function compareVersions(older, newer) {
  if (!(await engine.hasChangeTracking())) return null;
  const report = await engine.compareVersions(older.page, newer.page);
  return { ...report, fromId: older.id, toId: newer.id };
}
