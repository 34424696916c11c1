/**
 * The stored data's schema history: every change to the layout of `storage.local` is a named
 * migration, run once, in order, and recorded in `meta.applied`.
 *
 * Each migration must be idempotent (running it twice leaves the same data) because a worker
 * can be stopped between a migration's writes and the update of `meta`; the next start runs
 * it again. Each logs one line when it runs, naming itself.
 *
 * Layout at schema 1:
 *   meta              {schema, applied: [migration names]}
 *   settings          {disabledCategories: [id], notifications, silentSites: [host], overlay}
 *   index             {docs: {[docKey]: DocumentIndex}}   (small: metadata only)
 *   ver:<id>          VersionRecord                      (one stored version of a document)
 *   problems          [{at, code, detail}]               (last problems shown to the user)
 */

export const DEFAULT_SETTINGS = Object.freeze({
  disabledCategories: [],
  notifications: true,
  silentSites: [],
  overlay: true,
});

export const MIGRATIONS = [
  {
    name: '001-create-settings-and-index',
    schema: 1,
    async run(area) {
      const { settings, index } = await area.get(['settings', 'index']);
      const writes = {};
      if (!settings) writes.settings = { ...DEFAULT_SETTINGS };
      if (!index) writes.index = { docs: {} };
      if (Object.keys(writes).length > 0) await area.set(writes);
    },
  },
];

export const SCHEMA = Math.max(...MIGRATIONS.map((migration) => migration.schema));

/**
 * Brings `area` up to the current schema. Returns the names of the migrations that ran.
 * Refuses data written by a newer version of Termwatch rather than guess at it.
 */
export async function migrate(area, log = console.info) {
  const { meta } = await area.get('meta');
  const applied = new Set(meta?.applied ?? []);
  if ((meta?.schema ?? 0) > SCHEMA) {
    throw new Error(`stored data has schema ${meta.schema}, newer than this version (${SCHEMA})`);
  }

  const ran = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.name)) continue;
    log(`termwatch: running storage migration ${migration.name}`);
    await migration.run(area);
    applied.add(migration.name);
    ran.push(migration.name);
    await area.set({ meta: { schema: migration.schema, applied: [...applied] } });
  }
  return ran;
}
