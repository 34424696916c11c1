// Unit tests for the background's storage: migrations, crash repair, corrupt records, quota
// errors, export and import. Run with `node --test extension/tests/`.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { MIGRATIONS, SCHEMA, migrate } from '../background/migrations.js';
import { Store, StoreError, summaryOf } from '../background/store.js';
import { MemoryArea } from './memory-area.js';

const quiet = () => {};

function record(id, docKey = 'https://example.org/terms', capturedAt = 1000) {
  return {
    id,
    docKey,
    capturedAt,
    hash: `hash-${id}`,
    page: { url: docKey, title: 'Terms', blocks: [{ text: `Text of ${id}.`, index: 0 }] },
    analysis: { kind: 'terms_of_service', grade: 'C', words: 3, findings: [] },
  };
}

test('migrations run once, in order, and are recorded', async () => {
  const area = new MemoryArea();
  const ran = await migrate(area, quiet);
  assert.deepEqual(ran, MIGRATIONS.map((migration) => migration.name));
  assert.equal(area.data.meta.schema, SCHEMA);
  assert.deepEqual(await migrate(area, quiet), [], 'nothing runs twice');
});

test('each migration is idempotent: running it again changes nothing', async () => {
  const area = new MemoryArea();
  await migrate(area, quiet);
  const before = structuredClone(area.data);
  for (const migration of MIGRATIONS) await migration.run(area);
  assert.deepEqual(area.data, before);
});

test('a migration interrupted before meta was written runs again harmlessly', async () => {
  const area = new MemoryArea();
  await MIGRATIONS[0].run(area);
  await migrate(area, quiet);
  assert.deepEqual(area.data.index, { docs: {} });
});

test('data from a newer schema is refused, not guessed at', async () => {
  const area = new MemoryArea({ meta: { schema: SCHEMA + 1, applied: [] } });
  await assert.rejects(migrate(area, quiet), /newer than this version/);
});

test('a version is written before the index that points at it', async () => {
  const area = new MemoryArea();
  const store = new Store(area, quiet);
  await store.open();
  const order = [];
  const set = area.set.bind(area);
  area.set = async (items) => {
    order.push(...Object.keys(items));
    return set(items);
  };
  await store.addVersion(record('a'), summaryOf(record('a')));
  assert.deepEqual(order, ['ver:a', 'pending', 'index', 'pending']);
});

test('a crash between the record and the index loses nothing: repair indexes it', async () => {
  const area = new MemoryArea();
  const store = new Store(area, quiet);
  await store.addVersion(record('a'), summaryOf(record('a')));
  // What the store holds when the background stops right after the first of the two writes.
  area.data['ver:b'] = record('b', 'https://example.org/terms', 2000);
  area.data.pending = { id: 'b' };

  const reopened = new Store(area, quiet);
  const entry = await reopened.document('https://example.org/terms');
  assert.deepEqual(entry.versions.map((version) => version.id), ['a', 'b']);
  assert.equal(area.data.pending, null);
  await new Store(area, quiet).open();
  assert.equal((await reopened.document('https://example.org/terms')).versions.length, 2,
    'repair is idempotent');
});

test('a corrupt record is reported and skipped', async () => {
  const area = new MemoryArea();
  const store = new Store(area, quiet);
  await store.open();
  area.data['ver:broken'] = { id: 'broken', page: 'not a page' };

  assert.equal(await store.version('broken'), null);
  const problems = await store.problems();
  assert.equal(problems.length, 1);
  assert.equal(problems[0].code, 'corrupt_record');

  const exported = await store.exportAll();
  assert.equal(exported.versions.length, 0, 'export skips it too');
});

test('a quota error is reported, thrown as StoreError, and keeps what was stored', async () => {
  const area = new MemoryArea();
  const store = new Store(area, quiet);
  await store.addVersion(record('a'), summaryOf(record('a')));
  const before = structuredClone(area.data);

  area.failWrites = 1;
  await assert.rejects(store.addVersion(record('b', undefined, 2000), summaryOf(record('b'))),
    (error) => error instanceof StoreError && error.code === 'quota');
  assert.deepEqual(area.data.index, before.index, 'index untouched');
  assert.deepEqual(area.data['ver:a'], before['ver:a']);
  assert.equal((await store.problems())[0].code, 'quota');
});

test('export then import into an empty store gives back every version and setting', async () => {
  const area = new MemoryArea();
  const store = new Store(area, quiet);
  await store.addVersion(record('a'), summaryOf(record('a')));
  await store.addVersion(record('b', undefined, 2000), summaryOf(record('b')));
  await store.saveSettings({ notifications: false, silentSites: ['Example.org '] });
  const exported = JSON.parse(JSON.stringify(await store.exportAll()));

  const fresh = new Store(new MemoryArea(), quiet);
  const result = await fresh.importAll(exported);
  assert.equal(result.added, 2);
  assert.deepEqual((await fresh.index()).docs['https://example.org/terms'].versions
    .map((version) => version.id), ['a', 'b']);
  assert.equal((await fresh.settings()).notifications, false);
  assert.deepEqual((await fresh.settings()).silentSites, ['example.org']);

  const again = await fresh.importAll(exported);
  assert.equal(again.added, 0, 'importing twice adds nothing');
});

test('import refuses a file that is not an export', async () => {
  const store = new Store(new MemoryArea(), quiet);
  await assert.rejects(store.importAll({ hello: 1 }), /not a Termwatch export/);
});

test('delete everything leaves an empty, usable store', async () => {
  const area = new MemoryArea();
  const store = new Store(area, quiet);
  await store.addVersion(record('a'), summaryOf(record('a')));
  await store.deleteAll();
  assert.deepEqual(Object.keys((await store.index()).docs), []);
  assert.equal((await store.settings()).notifications, true);
});
