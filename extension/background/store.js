/**
 * Everything Termwatch keeps, in `storage.local` (with `unlimitedStorage`): settings, the
 * stored versions of every terms document seen, and the small index that lists them.
 *
 * Writes are ordered so that a crash never loses data: a new version record is written first,
 * together with a `pending` note naming it (one `set`, which both browsers apply atomically);
 * the index that points at it is written second, clearing the note in the same `set`. If the
 * background stops in between, the next start finds the note and indexes the record
 * (`repair`), reading two small keys rather than the whole store. A record that fails to read
 * back in the expected shape is reported once (see `problems`) and skipped, never thrown at the
 * caller. A failed write (quota) throws `StoreError('quota')`, leaves what was stored untouched,
 * and is reported so the interface can tell the user.
 *
 * `area` is any object with the `storage.local` methods (`get`, `set`, `remove`, `clear`), so
 * the same code runs against an in-memory area in the Node tests.
 */

import { DEFAULT_SETTINGS, SCHEMA, migrate } from './migrations.js';

const VERSION_PREFIX = 'ver:';
const PROBLEMS_KEPT = 50;
export const EXPORT_FORMAT = 'termwatch-export';

export class StoreError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}

export class Store {
  constructor(area, log = console.info) {
    this.area = area;
    this.log = log;
    this.ready = null;
  }

  /** Runs the migrations and the crash repair once per background start. */
  open() {
    this.ready ??= (async () => {
      await migrate(this.area, this.log);
      await this.repair();
    })().catch((error) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  async settings() {
    await this.open();
    const { settings } = await this.area.get('settings');
    return { ...DEFAULT_SETTINGS, ...settings };
  }

  async saveSettings(settings) {
    const clean = cleanSettings(settings);
    await this.write({ settings: clean });
    return clean;
  }

  async index() {
    await this.open();
    const { index } = await this.area.get('index');
    return index?.docs ? index : { docs: {} };
  }

  async document(docKey) {
    return (await this.index()).docs[docKey] ?? null;
  }

  /** One stored version, or `null` when missing or unreadable (then reported). */
  async version(id) {
    await this.open();
    const key = VERSION_PREFIX + id;
    const record = (await this.area.get(key))[key];
    if (record === undefined) return null;
    if (!isVersionRecord(record)) {
      await this.report('corrupt_record', `stored version ${id} is unreadable and was skipped`);
      return null;
    }
    return record;
  }

  /**
   * Adds a version of a document: the record first, then the index. `update(entry)` may change
   * the document's index entry (title, kind, change state) in the same index write.
   */
  async addVersion(record, summary, update = (entry) => entry) {
    await this.open();
    await this.write({ [VERSION_PREFIX + record.id]: record, pending: { id: record.id } });

    const index = await this.index();
    const entry = index.docs[record.docKey] ?? newEntry(record);
    entry.versions = [...entry.versions, summary].sort((a, b) => a.capturedAt - b.capturedAt);
    index.docs[record.docKey] = update(entry);
    try {
      await this.write({ index, pending: null });
    } catch (error) {
      // Leave the store as it was before this version: drop the record the index lacks.
      await this.area.remove([VERSION_PREFIX + record.id, 'pending']).catch(() => {});
      throw error;
    }
    return index.docs[record.docKey];
  }

  /** Changes one document's index entry (for example, to mark its change as seen). */
  async updateDocument(docKey, update) {
    const index = await this.index();
    if (!index.docs[docKey]) return null;
    index.docs[docKey] = update(index.docs[docKey]);
    await this.write({ index });
    return index.docs[docKey];
  }

  /** Indexes the version record an interrupted write left out of the index, if any. */
  async repair() {
    const { pending, index: stored } = await this.area.get(['pending', 'index']);
    if (!pending?.id) return;

    const index = stored?.docs ? stored : { docs: {} };
    const known = Object.values(index.docs)
      .some((entry) => entry.versions.some((version) => version.id === pending.id));
    const key = VERSION_PREFIX + pending.id;
    const record = (await this.area.get(key))[key];

    if (!known && isVersionRecord(record)) {
      const entry = index.docs[record.docKey] ?? newEntry(record);
      entry.versions = [...entry.versions, summaryOf(record)]
        .sort((a, b) => a.capturedAt - b.capturedAt);
      index.docs[record.docKey] = entry;
      this.log(`termwatch: indexed version ${pending.id}, left out by an interrupted write`);
    } else if (!known && record !== undefined) {
      await this.report('corrupt_record', `stored version ${pending.id} is unreadable and was skipped`);
    }
    try {
      await this.area.set({ index, pending: null });
    } catch (error) {
      await this.report('write_failed', `could not finish an interrupted write: ${error.message}`);
    }
  }

  async problems() {
    const { problems } = await this.area.get('problems');
    return Array.isArray(problems) ? problems : [];
  }

  /** Records a problem the user should see (the popup and options page list them). */
  async report(code, detail) {
    this.log(`termwatch: ${code}: ${detail}`);
    const problems = await this.problems();
    if (problems.some((problem) => problem.code === code && problem.detail === detail)) return;
    problems.push({ at: Date.now(), code, detail });
    try {
      await this.area.set({ problems: problems.slice(-PROBLEMS_KEPT) });
    } catch {
      // The store is full; the problem still reaches the user through the failed call.
    }
  }

  async clearProblems() {
    await this.area.remove('problems');
  }

  /** Everything stored, as one JSON-ready object. */
  async exportAll() {
    await this.open();
    const everything = await this.area.get(null);
    const versions = Object.entries(everything)
      .filter(([key, record]) => key.startsWith(VERSION_PREFIX) && isVersionRecord(record))
      .map(([, record]) => record);
    return {
      format: EXPORT_FORMAT,
      schema: SCHEMA,
      exportedAt: new Date().toISOString(),
      settings: await this.settings(),
      index: await this.index(),
      versions,
    };
  }

  /**
   * Merges an export into what is stored: versions are added by id (existing ones kept),
   * documents' version lists merged, settings replaced. Returns what was added.
   */
  async importAll(data) {
    if (data?.format !== EXPORT_FORMAT || !Array.isArray(data.versions)) {
      throw new StoreError('bad_import', 'this file is not a Termwatch export');
    }
    if (data.schema > SCHEMA) {
      throw new StoreError('bad_import', 'this export comes from a newer Termwatch');
    }
    await this.open();

    let added = 0;
    let skipped = 0;
    for (const record of data.versions) {
      if (!isVersionRecord(record)) {
        skipped++;
        continue;
      }
      if (await this.version(record.id)) continue;
      const imported = data.index?.docs?.[record.docKey];
      await this.addVersion(record, summaryOf(record), (entry) => ({
        ...entry,
        url: entry.url ?? imported?.url,
        title: entry.title ?? imported?.title,
      }));
      added++;
    }
    if (data.settings) await this.saveSettings(data.settings);
    return { added, skipped, documents: Object.keys((await this.index()).docs).length };
  }

  /** Deletes everything, then lays out an empty store again. */
  async deleteAll() {
    await this.area.clear();
    this.ready = null;
    await this.open();
  }

  async write(items) {
    try {
      await this.area.set(items);
    } catch (error) {
      const quota = /quota|space|full/i.test(String(error?.message ?? error));
      const code = quota ? 'quota' : 'write_failed';
      const detail = quota
        ? 'browser storage is full: the newest version was not saved; older ones are intact'
        : `could not save: ${error?.message ?? error}`;
      await this.report(code, detail);
      throw new StoreError(code, detail);
    }
  }
}

/** The index's summary of one version: enough to list it without reading the record. */
export function summaryOf(record) {
  return {
    id: record.id,
    capturedAt: record.capturedAt,
    hash: record.hash,
    words: record.analysis?.words ?? 0,
    risks: record.analysis?.findings?.filter((finding) => finding.polarity === 'risk').length ?? 0,
    grade: record.analysis?.grade ?? null,
  };
}

function newEntry(record) {
  return {
    docKey: record.docKey,
    url: record.page?.url ?? null,
    title: record.page?.title ?? null,
    kind: record.analysis?.kind ?? null,
    versions: [],
    change: null,
  };
}

/** The shape every stored version must have to be used. */
export function isVersionRecord(record) {
  return (
    record !== null
    && typeof record === 'object'
    && typeof record.id === 'string'
    && typeof record.docKey === 'string'
    && Number.isFinite(record.capturedAt)
    && typeof record.hash === 'string'
    && Array.isArray(record.page?.blocks)
    && record.page.blocks.every((block) => typeof block?.text === 'string')
  );
}

function cleanSettings(settings) {
  const strings = (value) => (Array.isArray(value) ? value.filter((x) => typeof x === 'string') : []);
  return {
    disabledCategories: strings(settings?.disabledCategories),
    notifications: settings?.notifications !== false,
    silentSites: strings(settings?.silentSites).map((site) => site.trim().toLowerCase())
      .filter(Boolean),
    overlay: settings?.overlay !== false,
  };
}
