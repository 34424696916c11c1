/**
 * The comparison page: any two stored versions of a document side by side, the change in
 * risks on top, and word-level highlights inside the passages that changed.
 *
 * `?doc=<docKey>&from=<versionId>&to=<versionId>` opens a comparison directly (the popup's
 * change card and the change notification link here). The comparison itself is the engine's
 * (`ui.compare`); this page only lays it out.
 */

import { FromUi, request } from '../shared/messages.js';
import { h, localise, t, when } from '../ui/common.js';

const pick = {
  document: document.getElementById('document'),
  older: document.getElementById('older'),
  newer: document.getElementById('newer'),
};
const result = document.getElementById('result');
const query = new URLSearchParams(location.search);

localise();
start().catch(showError);

pick.document.addEventListener('change', () => fillVersions().catch(showError));
document.getElementById('pick').addEventListener('submit', (event) => {
  event.preventDefault();
  compare().catch(showError);
});

async function start() {
  const documents = await request(FromUi.LIST_DOCUMENTS);
  pick.document.replaceChildren(...documents.map((entry) =>
    h('option', { value: entry.docKey }, entry.title || entry.url || entry.docKey)));
  if (documents.length === 0) {
    result.replaceChildren(h('p', {}, t('compareNoDocument')));
    document.body.dataset.ready = 'true';
    return;
  }
  if (query.has('doc')) pick.document.value = query.get('doc');
  await fillVersions(query.get('from'), query.get('to'));
  if (query.has('from') && query.has('to')) await compare();
  document.body.dataset.ready = 'true';
}

async function fillVersions(from, to) {
  const entry = await request(FromUi.GET_DOCUMENT, { docKey: pick.document.value });
  const versions = entry?.versions ?? [];
  const options = () => versions.map((version) =>
    h('option', { value: version.id }, when(version.capturedAt)));
  pick.older.replaceChildren(...options());
  pick.newer.replaceChildren(...options());
  pick.older.value = from ?? versions.at(-2)?.id ?? versions[0]?.id ?? '';
  pick.newer.value = to ?? versions.at(-1)?.id ?? '';
}

async function compare() {
  const { older, newer, report } = await request(FromUi.COMPARE, {
    fromId: pick.older.value,
    toId: pick.newer.value,
  });
  result.replaceChildren(
    riskDelta(older, newer, report),
    h('div', { class: 'columns' },
      column(t('compareOlder'), older, report, 'old'),
      column(t('compareNewer'), newer, report, 'new')));
}

/** Risks in one version and not the other: the engine's report when it has one. */
function riskDelta(older, newer, report) {
  const added = report?.risks_added ?? difference(newer, older);
  const removed = report?.risks_removed ?? difference(older, newer);
  const facts = report?.facts_changed ?? [];
  const list = (kind, items, label) => items.length === 0 ? null : h('div', {},
    h('h3', {}, label),
    h('ul', {}, items.map((item) => h('li', {
      'data-change-kind': kind,
      'data-category': item.category,
    }, item.name ?? item.category))));

  const nothing = added.length + removed.length + facts.length === 0;
  return h('section', { class: 'card change delta', 'aria-labelledby': 'delta-heading' },
    h('h2', { id: 'delta-heading' }, t('compareRiskDelta')),
    report?.summary ? h('p', {}, report.summary) : null,
    nothing ? h('p', {}, t('compareNoChanges')) : null,
    list('risk_added', added, t('changeRisksAdded')),
    list('risk_removed', removed, t('changeRisksRemoved')),
    list('fact_changed', facts, t('changeFactsChanged')));
}

function difference(a, b) {
  const risks = (version) => new Set((version.analysis?.findings ?? [])
    .filter((finding) => finding.polarity === 'risk').map((finding) => finding.category));
  const other = risks(b);
  return [...risks(a)].filter((category) => !other.has(category)).map((category) => ({ category }));
}

/**
 * One version's text. Where the report marks words inserted or deleted in a block, they are
 * wrapped in `<ins>` / `<del>`; everything is inserted as text.
 */
function column(label, version, report, side) {
  const marks = wordMarks(report, side);
  return h('section', { 'aria-label': `${label}: ${when(version.capturedAt)}` },
    h('h2', {}, `${label} · ${when(version.capturedAt)}`),
    version.page.blocks.filter((block) => !block.hidden).map((block) =>
      h('p', { class: block.heading_level ? 'heading' : null },
        marks.get(block.index) ?? block.text)));
}

/** Per block index, the block's text as a list of plain and marked runs. */
function wordMarks(report, side) {
  const marks = new Map();
  for (const edit of report?.word_edits ?? []) {
    const block = side === 'old' ? edit.old_block : edit.new_block;
    if (block === null || block === undefined) continue;
    marks.set(block, edit.words
      .filter((word) => word.op === 'equal' || word.op === (side === 'old' ? 'delete' : 'insert'))
      .map((word) => word.op === 'equal' ? `${word.text} `
        : h(side === 'old' ? 'del' : 'ins', {}, word.text), ' '));
  }
  return marks;
}

function showError(error) {
  result.replaceChildren(h('p', { role: 'alert' }, t('errorGeneric', error.message)));
}
