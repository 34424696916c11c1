// Unit tests for the messaging module: privileged messages are refused from web pages.

import assert from 'node:assert/strict';
import { test } from 'node:test';

const BASE = 'chrome-extension://abcdefghijklmnop/';
let listener = null;
globalThis.chrome = {
  runtime: {
    id: 'abcdefghijklmnop',
    getURL: (path) => BASE + path,
    onMessage: { addListener: (fn) => { listener = fn; } },
  },
};
const { listen } = await import('../shared/messages.js');

listen({
  'ui.exportAll': async () => 'everything',
  'cs.pageRead': async () => 'findings',
});

function send(message, sender) {
  return new Promise((resolve) => {
    const handled = listener(message, sender, resolve);
    if (!handled) setTimeout(() => resolve('no async reply'), 10);
  });
}

const popup = { id: 'abcdefghijklmnop', url: `${BASE}popup/popup.html` };
const contentScript = { id: 'abcdefghijklmnop', url: 'https://example.com/terms', tab: { id: 4 } };
const otherExtension = { id: 'zzzz', url: 'chrome-extension://zzzz/popup.html' };

test('our own pages may send privileged messages', async () => {
  assert.deepEqual(await send({ type: 'ui.exportAll' }, popup), { ok: true, value: 'everything' });
});

test('a content script (a web page) may not', async () => {
  const reply = await send({ type: 'ui.exportAll' }, contentScript);
  assert.equal(reply.ok, false);
  assert.equal(reply.error.code, 'refused');
});

test('another extension may not', async () => {
  const reply = await send({ type: 'ui.exportAll' }, otherExtension);
  assert.equal(reply.error.code, 'refused');
});

test('content-script messages are answered for content scripts', async () => {
  assert.deepEqual(await send({ type: 'cs.pageRead' }, contentScript),
    { ok: true, value: 'findings' });
});

test('unknown and malformed messages are ignored', async () => {
  assert.equal(await send({ type: 'ui.nothing' }, popup), 'no async reply');
  assert.equal(await send(null, popup), 'no async reply');
  assert.equal(await send('ui.exportAll', popup), 'no async reply');
});
