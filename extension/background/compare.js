/**
 * The comparison of two stored versions of a document, done by the engine's change tracker on
 * the snapshots stored with each version.
 */

import * as engine from './engine.js';

/**
 * The change report between two version records, or `null` when either has no snapshot
 * (stored by a build without the change tracker) or the engine has none.
 */
export async function compareVersions(older, newer) {
  if (!older.snapshot || !newer.snapshot || !(await engine.hasChangeTracking())) return null;
  const report = await engine.compareSnapshots(older.snapshot, newer.snapshot);
  return { ...report, fromId: older.id, toId: newer.id };
}
