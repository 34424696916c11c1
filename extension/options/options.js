/**
 * The options page: which categories to flag, notifications, silent sites, and the user's
 * data (export to one JSON file, import it back, delete everything). All reads and writes go
 * through the background (`ui.*` messages); this page keeps no state of its own.
 */

import { FromUi, request } from '../shared/messages.js';
import { h, localise, severityLabel, t } from '../ui/common.js';

const form = document.getElementById('settings');
const status = (id, text) => {
  document.getElementById(id).textContent = text;
};

localise();
load().catch(showError);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  save().catch(showError);
});
document.getElementById('export').addEventListener('click', () => exportAll().catch(showError));
document.getElementById('import-file').addEventListener('change', (event) => {
  importFile(event.target.files[0]).catch(showError).finally(() => {
    event.target.value = '';
  });
});
document.getElementById('delete-all').addEventListener('click', () => deleteAll().catch(showError));

async function load() {
  const [settings, categories, documents, problems] = await Promise.all([
    request(FromUi.GET_SETTINGS),
    request(FromUi.GET_CATEGORIES),
    request(FromUi.LIST_DOCUMENTS),
    request(FromUi.GET_PROBLEMS),
  ]);

  const disabled = new Set(settings.disabledCategories);
  document.getElementById('categories').replaceChildren(...categories.map((category) =>
    h('label', { 'data-category': category.id },
      h('input', { type: 'checkbox', name: 'category', value: category.id,
        checked: !disabled.has(category.id) }),
      ` ${category.name} `,
      severityLabel(category))));

  document.getElementById('notifications').checked = settings.notifications;
  document.getElementById('overlay').checked = settings.overlay;
  document.getElementById('silent-sites').value = settings.silentSites.join('\n');
  status('documents', t('optionsDocuments', String(documents.length)));
  showProblems(problems);
  document.body.dataset.ready = 'true';
}

async function save() {
  const unchecked = [...form.querySelectorAll('input[name="category"]')]
    .filter((box) => !box.checked)
    .map((box) => box.value);
  await request(FromUi.SAVE_SETTINGS, {
    settings: {
      disabledCategories: unchecked,
      notifications: document.getElementById('notifications').checked,
      overlay: document.getElementById('overlay').checked,
      silentSites: document.getElementById('silent-sites').value.split(/\s+/).filter(Boolean),
    },
  });
  status('saved', t('optionsSaved'));
}

async function exportAll() {
  const data = await request(FromUi.EXPORT_ALL);
  const blob = new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' });
  const link = h('a', {
    href: URL.createObjectURL(blob),
    download: `termwatch-${new Date().toISOString().slice(0, 10)}.json`,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function importFile(file) {
  if (!file) return;
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not JSON`);
  }
  const result = await request(FromUi.IMPORT_ALL, { data });
  status('data-status', t('optionsImported', String(result.added), String(result.skipped)));
  await load();
}

async function deleteAll() {
  if (!window.confirm(t('optionsDeleteConfirm'))) return;
  await request(FromUi.DELETE_ALL);
  status('data-status', t('optionsDeleted'));
  await load();
}

function showProblems(problems) {
  const box = document.getElementById('problems');
  if (problems.length === 0) {
    box.replaceChildren();
    return;
  }
  const dismiss = async () => {
    await request(FromUi.CLEAR_PROBLEMS);
    box.replaceChildren();
  };
  box.replaceChildren(h('div', { class: 'card banner', role: 'alert' },
    h('h2', {}, t('problemsHeading')),
    h('ul', {}, problems.map((problem) => h('li', {}, problem.detail))),
    h('button', { type: 'button', onclick: dismiss }, t('problemsClear'))));
}

function showError(error) {
  status('data-status', t('errorGeneric', error.message));
}
