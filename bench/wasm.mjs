// Times the WebAssembly module under Node on the pages `termwatch bench --write-pages DIR`
// wrote, and times `diffWords` of the npm `diff` package on the same pair of versions.
//
//   node bench/wasm.mjs DIR [--runs N]
//
// Run it through `scripts/bench-wasm.sh`, which builds the module and the pages first.
// Every figure is a median over N runs after one untimed run; the first, untimed call is
// reported on its own as the cold start (module instantiation, then the first analysis, which
// compiles the rule patterns).
//
// What is compared: `compareSnapshots` decodes two stored versions, aligns their clauses,
// diffs the words of reworded clauses and works out the risk delta; `diffWords` gets the same
// two versions' text (blocks joined by newlines) and only diffs words. Analysing each version
// happens once, when it is stored, so neither side is charged for it.

import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { diffWords } from 'diff';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'extension', 'pkg');

function parseArgs(argv) {
  const args = { dir: null, runs: 31, peerRuns: 3 };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--runs') args.runs = Number(argv[++i]);
    else if (argv[i] === '--peer-runs') args.peerRuns = Number(argv[++i]);
    else args.dir = argv[i];
  }
  if (!args.dir || !(args.runs > 0) || !(args.peerRuns > 0)) {
    console.error('usage: node bench/wasm.mjs PAGES_DIR [--runs N] [--peer-runs N]');
    process.exit(2);
  }
  return args;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeOnce(work) {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

function medianTime(runs, work) {
  work();
  const times = [];
  for (let i = 0; i < runs; i += 1) times.push(timeOnce(work).ms);
  return median(times);
}

function pageText(page) {
  return page.blocks.map((block) => block.text).join('\n');
}

function words(page) {
  return page.blocks.reduce((sum, block) => sum + block.text.split(/\s+/).filter(Boolean).length, 0);
}

async function loadEngine() {
  const glue = await import(join(pkg, 'termwatch.js'));
  const bytes = readFileSync(join(pkg, 'termwatch_bg.wasm'));
  const { ms } = timeOnce(() => glue.initSync({ module: bytes }));
  return { engine: glue, instantiateMs: ms, moduleBytes: bytes.length };
}

function fmt(ms) {
  return ms.toFixed(2).padStart(8);
}

const args = parseArgs(process.argv.slice(2));
const read = (name) => readFileSync(join(args.dir, name), 'utf8');
const latest20k = read('latest-20000.json');
const latest200k = read('latest-200000.json');
const previous20k = read('previous-20000.json');

const { engine, instantiateMs, moduleBytes } = await loadEngine();
console.log(`wasm module ${moduleBytes} bytes; instantiation ${instantiateMs.toFixed(2)} ms`);

const cold = timeOnce(() => engine.analyzePage(latest20k)).ms;
console.log(`first analysis after instantiation (cold): ${cold.toFixed(2)} ms\n`);

const medians = [];
for (const [json, label] of [[latest20k, '20k'], [latest200k, '200k']]) {
  const page = JSON.parse(json);
  const megabytes = Buffer.byteLength(pageText(page)) / 1e6;
  const ms = medianTime(label === '20k' ? args.runs : Math.max(3, Math.ceil(args.runs / 4)), () =>
    engine.analyzePage(json));
  medians.push(ms);
  console.log(`analyzePage ${String(words(page)).padStart(7)} words: median ${fmt(ms)} ms, ` +
    `${(megabytes / (ms / 1000)).toFixed(1).padStart(6)} MB/s`);
}
console.log(`200,000 words took ${(medians[1] / medians[0]).toFixed(1)}x the time of 20,000 ` +
  '(10x is linear)\n');

const key = 'bench.example/terms';
const older = engine.captureSnapshot(previous20k, key, 1);
const newer = engine.captureSnapshot(latest20k, key, 2);
const report = JSON.parse(engine.compareSnapshots(older, newer));
const oursMs = medianTime(args.runs, () => engine.compareSnapshots(older, newer));

const oldText = pageText(JSON.parse(previous20k));
const newText = pageText(JSON.parse(latest20k));
let parts = null;
// diffWords takes seconds on pages this long: its runs are timed without a warm-up run.
const peerTimes = [];
for (let i = 0; i < args.peerRuns; i += 1) {
  peerTimes.push(timeOnce(() => { parts = diffWords(oldText, newText); }).ms);
}
const peerMs = median(peerTimes);
const peerChanged = parts.filter((part) => part.added || part.removed).length;

console.log(`compare ${words(JSON.parse(previous20k))} and ${words(JSON.parse(latest20k))} words ` +
  'side by side:');
console.log(`  compareSnapshots (wasm): median ${fmt(oursMs)} ms; ${report.changes.length} changes, ` +
  `substantive: ${report.substantive}`);
console.log(`  diffWords (npm diff):    median ${fmt(peerMs)} ms; ${peerChanged} changed runs`);
console.log(`  compareSnapshots is ${(peerMs / oursMs).toFixed(1)}x faster than diffWords`);
