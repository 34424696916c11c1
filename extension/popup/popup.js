/**
 * The popup: what the current tab's terms say, what changed since the last visit, and the
 * stored versions. It reads everything from the background (`ui.getTabReport`) and asks the
 * tab's content script to show a finding. `?tab=<id>` picks a tab other than the active one
 * (the popup then also works as an ordinary tab, which the tests use).
 */

import { ext } from '../shared/browser.js';
import { FromUi, request, tellTab } from '../shared/messages.js';
import { factsText } from '../shared/facts.js';
import { comparisonUrl, h, localise, severityLabel, t, when } from '../ui/common.js';

const main = document.getElementById('main');

localise();
render()
  .catch((error) => fill(h('p', { role: 'alert' }, t('errorGeneric', error.message))))
  .finally(() => {
    document.body.dataset.ready = 'true';
  });

async function render() {
  const tabId = await targetTab();
  if (tabId === null) {
    main.replaceChildren(h('p', {}, t('popupNoTab')));
    return;
  }

  const [report, problems] = await Promise.all([
    request(FromUi.GET_TAB_REPORT, { tabId }),
    request(FromUi.GET_PROBLEMS),
  ]);
  if (!report) {
    fill(heading(null), problemList(problems), h('p', {}, t('popupNothing')));
    return;
  }

  fill(
    heading(report),
    problemList(problems),
    report.storeError ? h('p', { class: 'card banner', role: 'alert' }, t('popupStoreError')) : null,
    changeCard(report),
    findingsSection(report, tabId),
    versionsSection(report),
  );

  if (report.change && !report.change.seen) await request(FromUi.MARK_SEEN, { tabId });
}

/** Replaces the popup's content; absent parts (`null`) are skipped. */
function fill(...parts) {
  main.replaceChildren(...parts.filter((part) => part !== null && part !== undefined));
}

async function targetTab() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) return Number(param);
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function heading(report) {
  if (!report) return h('div', { class: 'header' }, h('h1', {}, t('popupTitle')));
  const risks = report.findings.filter((finding) => finding.polarity === 'risk').length;
  return h('div', { class: 'header' },
    h('h1', {}, report.kindLabel),
    h('span', { class: 'grade', title: t('grade'), 'data-grade': report.grade },
      h('span', { class: 'visually-hidden' }, `${t('grade')} `), report.grade),
    h('span', { class: 'muted' }, t('popupRisks', String(risks))),
    h('p', { class: 'muted full' }, report.title ?? report.url));
}

function problemList(problems) {
  if (problems.length === 0) return null;
  return h('div', { class: 'card banner', role: 'alert' },
    h('h2', {}, t('problemsHeading')),
    h('ul', {}, problems.map((problem) => h('li', {}, problem.detail))));
}

function changeCard(report) {
  const change = report.change;
  if (!change) return null;
  const list = (kind, items, label) => items?.length
    ? h('div', {},
      h('h3', {}, label),
      h('ul', {}, items.map((item) => h('li', {
        'data-change-kind': kind,
        'data-category': item.category,
      }, changeItemText(item)))))
    : null;

  return h('section', { class: 'card change', 'aria-labelledby': 'change-heading' },
    h('h2', { id: 'change-heading' }, t('changeHeading')),
    h('p', {}, change.summary ?? ''),
    list('risk_added', change.risks_added, t('changeRisksAdded')),
    list('risk_removed', change.risks_removed, t('changeRisksRemoved')),
    list('fact_changed', change.facts_changed, t('changeFactsChanged')),
    h('a', { href: comparisonUrl(report.docKey, change.fromId, change.toId), target: '_blank' },
      t('changeOpenComparison')));
}

function changeItemText(item) {
  if (item.fact !== undefined) {
    return `${item.name ?? item.category} · ${item.fact}: ${item.old ?? '—'} → ${item.new ?? '—'}`;
  }
  return item.name ?? item.category;
}

function findingsSection(report, tabId) {
  if (report.findings.length === 0) return h('p', {}, t('popupNoFindings'));

  const groups = new Map();
  for (const finding of report.findings) {
    if (!groups.has(finding.category)) groups.set(finding.category, []);
    groups.get(finding.category).push(finding);
  }

  return h('section', { 'aria-labelledby': 'findings-heading' },
    h('h2', { id: 'findings-heading' }, t('popupFindingsHeading')),
    [...groups].map(([category, findings]) => h('section', { class: 'category' },
      h('h3', {}, findings[0].name),
      h('ul', { class: 'plain' }, findings.map((finding) => findingItem(finding, tabId))))));
}

function findingItem(finding, tabId) {
  const note = h('p', { class: 'note', role: 'status' });
  const show = async () => {
    const result = await tellTab(tabId, FromUi.SHOW_FINDING, { findingId: finding.id })
      .catch(() => ({ shown: false }));
    note.textContent = result?.shown ? '' : t('popupNotOnPage');
  };
  const facts = factsText(finding.facts);
  return h('li', { class: 'finding', 'data-category': finding.category, 'data-finding': finding.id },
    h('div', { class: 'meta' },
      severityLabel(finding),
      h('button', { type: 'button', onclick: show }, t('popupShowOnPage'))),
    h('blockquote', {}, finding.quote),
    h('p', {}, finding.explanation),
    facts ? h('p', { class: 'facts' }, facts) : null,
    note);
}

function versionsSection(report) {
  const versions = report.versions ?? [];
  if (versions.length === 0) return null;
  const latest = versions.at(-1);
  return h('section', { class: 'versions', 'aria-labelledby': 'versions-heading' },
    h('h2', { id: 'versions-heading' }, t('popupVersionsHeading')),
    h('ul', { class: 'plain' }, [...versions].reverse().map((version) => h('li', {
      'data-version': version.id,
    },
    h('span', {}, when(version.capturedAt)),
    h('span', { class: 'muted' }, t('words', String(version.words))),
    version.id === latest.id ? null : h('a', {
      href: comparisonUrl(report.docKey, version.id, latest.id), target: '_blank',
    }, t('popupCompare'))))));
}
