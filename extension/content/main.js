/**
 * The content script: runs in every web page, reads the ones that may be terms, and shows
 * what the engine found.
 *
 * 1. First look (URL, title, top headings; under a millisecond). A page that is plainly not
 *    terms is left alone: nothing is read and no message is sent.
 * 2. Otherwise the page's text blocks go to the background, which runs the engine and answers
 *    with the findings to show (none when the engine says this is not a terms page).
 * 3. Findings are painted with CSS highlights; the tooltip and summary live in a closed shadow
 *    root (see overlay.js). Keyboard commands and the popup step through them.
 *
 * This script never runs the WebAssembly engine itself and never fetches anything.
 */

import { FromBackground, FromContent, FromUi, listen, request } from '../shared/messages.js';
import { readBlocks } from './blocks.js';
import { mayBeTerms, topHeadings } from './check.js';
import { clear, findingAt, focus, paint } from './highlight.js';
import { Overlay } from './overlay.js';
import { watchBody, watchTitle, watchUrl } from './watch.js';

const state = {
  candidate: false,
  signature: null,
  report: null,
  placed: [],
  current: -1,
  overlay: null,
  dismissed: false,
  stopWatching: null,
};

start();

function start() {
  watchUrl(reconsider);
  if (firstLook()) {
    becomeCandidate();
  } else {
    state.stopWatching = watchTitle(reconsider);
  }
}

function firstLook() {
  return mayBeTerms(location.href, document.title, topHeadings(document));
}

/** Called when the URL or title changed: the page may have become (or stopped being) terms. */
function reconsider() {
  const looksLikeTerms = firstLook();
  if (looksLikeTerms && !state.candidate) {
    state.stopWatching?.();
    becomeCandidate();
  } else if (looksLikeTerms) {
    readAndSend();
  } else if (state.candidate) {
    resetPage();
  }
}

/** Messages are only listened for once the page may be terms: see the note in check.js. */
function listenOnce() {
  if (state.listening) return;
  state.listening = true;
  listen({
    [FromBackground.STEP]: ({ step }) => stepTo(step),
    [FromBackground.REFRESH]: ({ findings }) => {
      if (state.report) show({ ...state.report, findings });
    },
    [FromUi.SHOW_FINDING]: ({ findingId }) => showFinding(findingId),
  });
}

function becomeCandidate() {
  listenOnce();
  state.candidate = true;
  state.stopWatching = watchBody(readAndSend);
  readAndSend();
}

function resetPage() {
  state.stopWatching?.();
  state.candidate = false;
  state.signature = null;
  removeFindings();
  state.stopWatching = watchTitle(reconsider);
}

/** Reads the page and, when its text changed since the last reading, asks for findings. */
async function readAndSend() {
  const began = performance.now();
  const { page, sources } = readBlocks(document, state.overlay?.host);
  const readMs = performance.now() - began;

  const signature = `${page.url}\n${page.blocks.map((block) => block.text).join('\n')}`;
  if (signature === state.signature) return;
  state.signature = signature;

  const report = await request(FromContent.PAGE_READ, { page, readMs });
  const repliedAt = performance.now();
  if (signature !== state.signature) return;
  if (!report) {
    removeFindings();
    return;
  }
  state.sources = sources;
  state.blocks = page.blocks;
  show(report, { readStartedAt: began, repliedAt });
}

/** Paints a report's findings; `timing` (page-relative times) goes back for the figures. */
function show(report, timing = {}) {
  state.report = report;
  const findings = report.findings.map((finding) => ({
    ...finding,
    collapsed: state.blocks?.[finding.span.block]?.collapsed ?? false,
  }));
  const { placed, dropped } = paint(findings, state.sources ?? []);
  state.placed = placed;
  state.current = -1;

  if (!state.dismissed && placed.length > 0) {
    ensureOverlay().summarise(report, placed);
  } else {
    removeOverlay();
  }
  request(FromContent.HIGHLIGHTED, {
    shown: placed.length,
    dropped,
    highlightedAt: performance.now(),
    ...timing,
  }).catch(() => {});
}

function removeFindings() {
  clear();
  state.placed = [];
  state.report = null;
  removeOverlay();
}

function ensureOverlay() {
  if (!state.overlay) {
    state.overlay = new Overlay({ onStep: stepTo, onClose: dismiss });
    document.addEventListener('pointermove', onPointerMove, { passive: true });
    document.addEventListener('keydown', onKeyDown, true);
  }
  return state.overlay;
}

function removeOverlay() {
  if (!state.overlay) return;
  document.removeEventListener('pointermove', onPointerMove);
  document.removeEventListener('keydown', onKeyDown, true);
  state.overlay.remove();
  state.overlay = null;
}

function dismiss() {
  state.dismissed = true;
  focus(null);
  removeOverlay();
}

/** Moves to the next (`1`) or previous (`-1`) finding, scrolls to it and shows its tooltip. */
function stepTo(step) {
  if (state.placed.length === 0) return null;
  const count = state.placed.length;
  state.current = (state.current + step + count) % count;
  return reveal(state.placed[state.current]);
}

function showFinding(findingId) {
  const index = state.placed.findIndex((finding) => finding.id === findingId);
  if (index < 0) return { shown: false };
  state.current = index;
  return reveal(state.placed[index]);
}

function reveal(finding) {
  const rect = finding.range.getBoundingClientRect();
  window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
  focus(finding.range);
  state.dismissed = false;
  const overlay = ensureOverlay();
  overlay.summarise(state.report, state.placed);
  overlay.showTip(finding, category(finding));
  return { shown: true, id: finding.id };
}

function category(finding) {
  return { name: finding.name, explanation: finding.explanation };
}

let pointerFrame = 0;
function onPointerMove(event) {
  if (pointerFrame || state.overlay?.contains(event)) return;
  const { clientX, clientY } = event;
  pointerFrame = requestAnimationFrame(() => {
    pointerFrame = 0;
    const finding = findingAt(state.placed, clientX, clientY);
    if (finding) {
      state.overlay?.showTip(finding, category(finding));
    } else if (state.current < 0) {
      state.overlay?.hideTip();
    }
  });
}

function onKeyDown(event) {
  if (event.key === 'Escape') {
    state.overlay?.hideTip();
    focus(null);
    state.current = -1;
  }
}
