/**
 * The Rust engine, compiled to WebAssembly, as the background sees it.
 *
 * The module is instantiated on first use, not at start-up: the background also wakes for
 * badge, tab and command events that never need it. A trap inside the module (a Rust panic
 * aborts) leaves its memory in an unknown state, so the instance is thrown away and the next
 * call starts a fresh one.
 *
 * Cost: instantiation is the cold start the first terms page of a session pays (measured by
 * the end-to-end run and kept in `coldStartMs`).
 */

import init, * as wasm from '../pkg/termwatch.js';

let ready = null;

/** Milliseconds the last instantiation took; `null` until the engine has started once. */
export let coldStartMs = null;

/** Whether the module is instantiated (or being instantiated) in this background. */
export function isStarted() {
  return ready !== null;
}

function start() {
  if (!ready) {
    const began = performance.now();
    ready = init({ module_or_path: new URL('../pkg/termwatch_bg.wasm', import.meta.url) }).then(
      () => {
        coldStartMs = performance.now() - began;
      },
      (error) => {
        ready = null;
        throw error;
      },
    );
  }
  return ready;
}

async function call(name, ...args) {
  await start();
  try {
    return wasm[name](...args);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) ready = null;
    throw error;
  }
}

/** Reads, detects, tags and grades one page (`{url, title, blocks}`). */
export async function analyzePage(page) {
  return JSON.parse(await call('analyzePage', JSON.stringify(page)));
}

/** The cheap URL, title and headings check. */
export function mayBeTerms(url, title, headings) {
  return call('mayBeTerms', url, title, headings);
}

/** Every category with its name, severity and explanation. */
export async function categories() {
  return JSON.parse(await call('categories'));
}

/** The engine's version, stored with every analysis it makes. */
export function engineVersion() {
  return call('engineVersion');
}

/** Whether this build of the engine has the change tracker (snapshots and comparison). */
export async function hasChangeTracking() {
  await start();
  return typeof wasm.compareSnapshots === 'function';
}

/** The document key of a URL: the same for every address of one document. */
export function canonicalKey(url) {
  return call('canonicalKey', url);
}

/**
 * A stored version of a page, as the engine's serialised snapshot (JSON text). The engine reads
 * the page again rather than take the analysis back: decoding an analysis inside the module
 * would cost more code size than one more reading costs time, and this runs only for a new
 * version, after the tab already has its highlights.
 */
export function captureSnapshot(page, key, seenAtMs) {
  return call('captureSnapshot', JSON.stringify(page), key, seenAtMs);
}

/** The change report between two serialised snapshots. */
export async function compareSnapshots(older, newer) {
  return JSON.parse(await call('compareSnapshots', older, newer));
}
