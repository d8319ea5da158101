// The client list: search as you type, sort by column, one page (50 rows) at a time with the
// total, archived clients only when asked for, "+ Add client" and the ⋯ menu.
import { h, replace, uid, debounce } from './dom.js';
import { t, formatNumber, formatDateTime } from './i18n.js';
import { api, ApiError, download, links } from './api.js';
import { openDialog } from './dialog.js';
import { clientForm } from './clientform.js';
import { openImport } from './importer.js';
import { announce, showError } from './status.js';

export const PAGE = 50;

const COLUMNS = [
  { key: 'number', label: 'colNumber', sort: 'number' },
  { key: 'legalName', label: 'colLegalName', sort: 'legalName' },
  { key: 'city', label: 'colCity', sort: 'city' },
  { key: 'country', label: 'colCountry', sort: 'country' },
  { key: 'taxId', label: 'colTaxId' },
  { key: 'updatedAt', label: 'colUpdated', sort: 'updatedAt' },
];

/** The list's state from the hash's query part. */
export function parseState(query) {
  const p = new URLSearchParams(query || '');
  const offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  return { q: p.get('q') || '', sort: p.get('sort') || 'legalName', offset, archived: p.get('archived') === '1' };
}

export function stateHash(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.sort && state.sort !== 'legalName') p.set('sort', state.sort);
  if (state.offset) p.set('offset', String(state.offset));
  if (state.archived) p.set('archived', '1');
  const s = p.toString();
  return s ? `#/clients?${s}` : '#/clients';
}

function apiQuery(state, extra = {}) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  p.set('archived', state.archived ? 'all' : 'false');
  p.set('sort', state.sort);
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  return p.toString();
}

/** Renders the list into `main`; `remember(hash)` keeps the list's place for "back". */
export function renderList(main, initial, remember) {
  const state = { ...initial };
  let controller = null;
  let sequence = 0;

  const searchId = uid('search');
  const search = h('input', { id: searchId, type: 'search', value: state.q, placeholder: t('searchPlaceholder'),
    autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'client-table' });
  const archived = h('input', { type: 'checkbox', id: uid('archived'), checked: state.archived });
  // on a phone the column headers are gone: a select sorts instead
  const sortId = uid('sort');
  const sortSelect = h('select', { id: sortId },
    COLUMNS.filter((c) => c.sort).flatMap((c) => [
      h('option', { value: c.sort }, `${t(c.label)} ▲`), h('option', { value: `-${c.sort}` }, `${t(c.label)} ▼`)]));
  sortSelect.addEventListener('change', () => { state.sort = sortSelect.value; state.offset = 0; load(); });
  const summary = h('p', { class: 'list-summary', role: 'status', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const headRow = h('tr');
  const pager = h('nav', { class: 'pager', 'aria-label': t('paging') });
  const table = h('table', { id: 'client-table', class: 'clients', 'aria-busy': 'false' },
    h('caption', { class: 'visually-hidden' }, t('clients')), h('thead', {}, headRow), tbody);

  const moreButton = h('button', { type: 'button', class: 'secondary more-button', id: 'more-button',
    'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': 'more-menu', 'aria-label': t('moreLabel'),
    title: t('moreLabel') }, h('span', { 'aria-hidden': 'true' }, '⋯'), h('span', { class: 'more-text' }, ` ${t('more')}`));
  const menu = h('ul', { class: 'menu', id: 'more-menu', role: 'menu', hidden: true, 'aria-labelledby': 'more-button' },
    menuItem(t('importClients'), 'menu-import', () => openImport(() => load())),
    menuItem(t('exportCsv'), 'menu-export-csv', () => exportAs('csv')),
    menuItem(t('exportXlsx'), 'menu-export-xlsx', () => exportAs('xlsx')));

  replace(main,
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-title', tabindex: '-1' }, t('clients')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'add-client', onclick: () => openAdd() }, t('addClient')),
        h('div', { class: 'menu-wrap' }, moreButton, menu))),
    h('div', { class: 'filters' },
      h('div', { class: 'search-field' }, h('label', { for: searchId }, t('search')), search),
      h('div', { class: 'check' }, archived, h('label', { for: archived.id }, t('showArchived'))),
      h('div', { class: 'phone-sort' }, h('label', { for: sortId }, t('sort')), sortSelect)),
    summary,
    h('div', { class: 'table-wrap' }, table),
    pager);

  // ---- the ⋯ menu (menu button pattern: arrows move, Esc closes, focus returns)
  function menuItem(label, id, action) {
    return h('li', { role: 'none' }, h('button', { type: 'button', role: 'menuitem', id, tabindex: '-1',
      onclick: () => { closeMenu(); action(); } }, label));
  }
  const items = () => [...menu.querySelectorAll('[role=menuitem]')];
  function openMenu(focusLast) {
    menu.hidden = false;
    moreButton.setAttribute('aria-expanded', 'true');
    const list = items();
    (focusLast ? list[list.length - 1] : list[0]).focus();
  }
  function closeMenu(returnFocus) {
    if (menu.hidden) return;
    menu.hidden = true;
    moreButton.setAttribute('aria-expanded', 'false');
    if (returnFocus) moreButton.focus();
  }
  moreButton.addEventListener('click', () => (menu.hidden ? openMenu(false) : closeMenu(true)));
  moreButton.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); openMenu(false); }
    if (e.key === 'ArrowUp') { e.preventDefault(); openMenu(true); }
  });
  menu.addEventListener('keydown', (e) => {
    const list = items();
    const i = list.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); list[(i + 1) % list.length].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); list[(i - 1 + list.length) % list.length].focus(); }
    else if (e.key === 'Home') { e.preventDefault(); list[0].focus(); }
    else if (e.key === 'End') { e.preventDefault(); list[list.length - 1].focus(); }
    else if (e.key === 'Escape') { e.preventDefault(); closeMenu(true); }
    else if (e.key === 'Tab') closeMenu(false);
  });
  const outside = (e) => {
    if (!menu.isConnected) { document.removeEventListener('click', outside); return; }
    if (!menu.hidden && !menu.contains(e.target) && !moreButton.contains(e.target)) closeMenu(false);
  };
  document.addEventListener('click', outside);

  // ---- filters
  const searchNow = () => {
    if (search.value.trim() === state.q) return;
    state.q = search.value.trim();
    state.offset = 0;
    load();
  };
  const searchLater = debounce(searchNow, 250);
  search.addEventListener('input', searchLater);
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') { searchLater.cancel(); searchNow(); } });
  archived.addEventListener('change', () => { state.archived = archived.checked; state.offset = 0; load(); });

  function renderHead() {
    sortSelect.value = state.sort;
    const [dir, key] = state.sort.startsWith('-') ? ['descending', state.sort.slice(1)] : ['ascending', state.sort];
    replace(headRow, COLUMNS.map((c) => {
      const label = t(c.label);
      if (!c.sort) return h('th', { scope: 'col' }, label);
      const active = key === c.sort;
      return h('th', { scope: 'col', 'aria-sort': active ? dir : 'none' },
        h('button', { type: 'button', class: 'sort', 'data-sort': c.sort, title: t('sortBy', { column: label }),
          onclick: () => {
            state.sort = active && dir === 'ascending' ? `-${c.sort}` : c.sort;
            state.offset = 0;
            load();
          } }, label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (dir === 'ascending' ? ' ▲' : ' ▼') : '')));
    }));
  }

  function renderRows(page) {
    if (page.items.length === 0) {
      replace(tbody, h('tr', {}, h('td', { colspan: COLUMNS.length, class: 'empty' }, t('noClients'))));
      return;
    }
    replace(tbody, page.items.map((c) => h('tr', { 'data-id': c.id, class: c.archived ? 'archived' : null },
      h('td', { class: 'nowrap' }, c.number),
      h('td', {}, h('a', { href: `#/clients/${encodeURIComponent(c.id)}`, class: 'client-link' }, c.legalName),
        c.archived ? h('span', { class: 'badge' }, t('archived')) : null),
      h('td', {}, c.address ? c.address.city : ''),
      h('td', {}, c.address ? c.address.country : ''),
      h('td', { class: 'nowrap' }, c.taxId || ''),
      h('td', { class: 'nowrap' }, formatDateTime(c.updatedAt)))));
  }

  function renderPager(page, rel) {
    const total = page.total;
    const from = total === 0 ? 0 : page.offset + 1;
    const to = page.offset + page.items.length;
    summary.textContent = total === 0 ? t('noClients')
      : t('range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) });
    const last = total === 0 ? 0 : Math.floor((total - 1) / PAGE) * PAGE;
    const go = (offset) => () => { state.offset = offset; load(true); };
    const button = (label, text, offset, enabled, cls) => h('button', { type: 'button', class: `secondary ${cls}`,
      'aria-label': label, title: label, disabled: !enabled, onclick: go(offset) }, text);
    const hasPrev = 'prev' in rel || page.offset > 0;
    const hasNext = 'next' in rel || to < total;
    replace(pager,
      button(t('first'), '«', 0, hasPrev, 'page-first'),
      button(t('prev'), '‹', Math.max(0, page.offset - PAGE), hasPrev, 'page-prev'),
      h('span', { class: 'page-range' }, total === 0 ? '' : t('range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })),
      button(t('next'), '›', page.offset + PAGE, hasNext, 'page-next'),
      button(t('last'), '»', last, hasNext, 'page-last'));
  }

  async function load(focusTable) {
    renderHead();
    remember(stateHash(state));
    history.replaceState(null, '', stateHash(state));
    if (controller) controller.abort();
    controller = new AbortController();
    const mine = ++sequence;
    table.setAttribute('aria-busy', 'true');
    try {
      const r = await api(`/api/clients?${apiQuery(state, { limit: PAGE, offset: state.offset })}`, { signal: controller.signal });
      if (mine !== sequence) return;
      renderRows(r.body);
      renderPager(r.body, links(r.headers.get('Link')));
      if (focusTable) table.focus();
    } catch (e) {
      if (e.name === 'AbortError' || mine !== sequence) return;
      if (e instanceof ApiError && e.status === 422 && state.offset > 0) { state.offset = 0; load(); return; }
      showError(e);
    } finally {
      if (mine === sequence) table.setAttribute('aria-busy', 'false');
    }
  }
  table.tabIndex = -1;

  async function exportAs(format) {
    try {
      const q = new URLSearchParams(apiQuery(state, { format }));
      const name = await download(`/api/clients/export?${q}`, `clients.${format}`);
      announce(t('exported', { name }));
    } catch (e) {
      showError(e);
    }
  }

  function openAdd() {
    openDialog({
      title: t('newClient'),
      id: 'add-dialog',
      build(body, close) {
        const form = clientForm({});
        const message = h('div', { class: 'form-message', role: 'alert', 'aria-live': 'assertive' });
        const submit = h('button', { type: 'submit', class: 'primary' }, t('create'));
        const el = h('form', { novalidate: true, id: 'add-form' }, form.element, message,
          h('div', { class: 'dialog-actions' },
            h('button', { type: 'button', class: 'secondary', onclick: close }, t('cancel')), submit));
        el.addEventListener('submit', async (e) => {
          e.preventDefault();
          form.clearErrors();
          message.replaceChildren();
          submit.disabled = true;
          try {
            const r = await api('/api/clients', { method: 'POST', json: form.read() });
            close();
            const c = r.body;
            announce(t('created', { name: c.legalName }));
            const warning = (c.warnings || []).find((w) => w.code === 'POSSIBLE_DUPLICATE');
            sessionWarning = warning || null;
            location.hash = `#/clients/${encodeURIComponent(c.id)}`;
          } catch (err) {
            if (!(err instanceof ApiError)) { message.textContent = t('offline'); return; }
            if (err.status === 422) {
              const unknown = form.showErrors(err.problem.errors);
              message.append(h('p', {}, t('fixFields')), unknown.map((u) => h('p', {}, `${u.field ? `${u.field}: ` : ''}${u.message}`)));
              form.focusFirstError();
            } else if (err.status === 409) {
              const x = err.problem.existing || {};
              form.showErrors([{ field: err.problem.field, message: err.problem.detail }]);
              message.append(h('p', {}, t('duplicateOf'), ' ',
                h('a', { href: `#/clients/${encodeURIComponent(x.id)}`, class: 'existing-link', onclick: () => close() },
                  t('openExisting', { name: x.legalName, number: x.number }))));
              message.querySelector('a').focus();
            } else {
              message.textContent = err.status === 403 ? t('forbidden') : t('error', { detail: err.message });
            }
          } finally {
            submit.disabled = false;
          }
        });
        body.append(el);
      },
    });
  }

  load();
}

/** A possible-duplicate warning of the client just created, for its profile to show once. */
export let sessionWarning = null;
export function takeWarning() {
  const w = sessionWarning;
  sessionWarning = null;
  return w;
}
