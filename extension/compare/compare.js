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
  const changes = report?.changes ?? [];
  result.replaceChildren(
    riskDelta(older, newer, report),
    changes.length > 0
      ? changeRows(changes)
      : h('div', { class: 'columns' },
        column(t('compareOlder'), older),
        column(t('compareNewer'), newer)));
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

/** One version's whole text, for versions the engine found no clause-level change in. */
function column(label, version) {
  return h('section', { 'aria-label': `${label}: ${when(version.capturedAt)}` },
    h('h2', {}, `${label} · ${when(version.capturedAt)}`),
    version.page.blocks.filter((block) => !block.hidden).map((block) =>
      h('p', { class: block.heading_level ? 'heading' : null }, block.text)));
}

/**
 * The changed clauses side by side: old text on the left with removed words in `<del>`, new
 * text on the right with added words in `<ins>`. Substantive changes first.
 */
function changeRows(changes) {
  const ordered = [...changes].sort((a, b) => Number(b.substantive) - Number(a.substantive));
  return h('section', { 'aria-labelledby': 'changes-heading' },
    h('h2', { id: 'changes-heading' }, t('compareChanges')),
    h('div', { class: 'columns head', 'aria-hidden': 'true' },
      h('div', {}, t('compareOlder')), h('div', {}, t('compareNewer'))),
    ordered.map((change) => h('div', {
      class: `columns change-row ${change.substantive ? 'substantive' : 'cosmetic'}`,
      'data-change-kind': change.kind,
    },
    h('section', { 'aria-label': `${t(`changeKind_${change.kind}`)}: ${t('compareOlder')}` },
      h('p', { class: 'muted' }, `${t(`changeKind_${change.kind}`)}${change.section
        ? ` · ${change.section}` : ''}`),
      h('p', {}, sideText(change, 'old'))),
    h('section', { 'aria-label': `${t(`changeKind_${change.kind}`)}: ${t('compareNewer')}` },
      h('p', { class: 'muted' }, change.substantive ? t('compareSubstantive')
        : t('compareCosmetic')),
      h('p', {}, sideText(change, 'new'))))));
}

/** One side of a change, with the words that differ marked. */
function sideText(change, side) {
  const text = change[side];
  if (text === null || text === undefined) return '—';
  if (!change.words?.length) return h(side === 'old' ? 'del' : 'ins', {}, text);

  const marked = side === 'old' ? ['removed', 'replaced'] : ['added', 'replaced'];
  return change.words.flatMap((op) => {
    const words = op[side];
    if (!words) return [];
    return [marked.includes(op.kind) ? h(side === 'old' ? 'del' : 'ins', {}, words) : words, ' '];
  });
}

function showError(error) {
  result.replaceChildren(h('p', { role: 'alert' }, t('errorGeneric', error.message)));
}
