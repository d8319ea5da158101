// A client's profile: the overview summary, the legal and contact panel on the right, and the
// tabs, whatever tabs the server lists, each rendered from its generic blocks.
import { h, replace, uid } from './dom.js';
import { t, formatDecimal, countryName } from './i18n.js';
import { api, ApiError } from './api.js';
import { renderBlocks } from './blocks.js';
import { openDialog } from './dialog.js';
import { clientForm } from './clientform.js';
import { announce, showError } from './status.js';
import { takeWarning } from './list.js';

const TAB_PAGE = 50;

export async function renderProfile(main, id, requestedTab, backHash) {
  const base = `/api/clients/${encodeURIComponent(id)}`;
  replace(main, h('p', { class: 'muted', role: 'status' }, t('loading')));
  let client;
  let etag;
  try {
    const r = await api(base);
    client = r.body;
    etag = r.headers.get('ETag');
  } catch (e) {
    replace(main, h('p', { class: 'muted' }, h('a', { href: backHash }, `← ${t('backToList')}`)));
    showError(e);
    return;
  }
  const optional = (path) => api(path).then((r) => r.body).catch((e) => {
    if (e instanceof ApiError && e.status === 404) return null; // not served (yet) by this server
    throw e;
  });
  let [overview, tabs] = await Promise.all([optional(`${base}/overview`), optional(`${base}/tabs`)]).catch((e) => {
    showError(e);
    return [null, null];
  });
  tabs = Array.isArray(tabs) ? [...tabs].sort((a, b) => (a.order - b.order) || String(a.id).localeCompare(String(b.id))) : [];
  if (!tabs.some((tab) => tab.id === 'overview')) tabs.unshift({ id: 'overview', title: null, order: 0, synthetic: true });

  const heading = h('h1', { id: 'page-title', tabindex: '-1' });
  const aside = h('aside', { class: 'panel', 'aria-labelledby': 'panel-title' });
  const tablist = h('div', { role: 'tablist', class: 'tabs', 'aria-label': t('tabs') });
  const panel = h('div', { role: 'tabpanel', class: 'tab-panel', id: 'tab-panel', tabindex: '0' });
  const warning = takeWarning();

  replace(main,
    h('p', { class: 'crumb' }, h('a', { href: backHash, id: 'back-link' }, `← ${t('backToList')}`)),
    h('div', { class: 'page-head' }, heading),
    warning ? h('p', { class: 'notice', role: 'status' }, t('possibleDuplicate'), ' ',
      h('a', { href: `#/clients/${encodeURIComponent(warning.clientId)}` }, warning.message || warning.clientId)) : null,
    h('div', { class: 'profile' }, h('div', { class: 'profile-main' }, tablist, panel), aside));

  function renderHeading() {
    replace(heading, client.legalName, ' ', h('span', { class: 'number' }, client.number),
      client.archived ? h('span', { class: 'badge' }, t('archived')) : null);
    document.title = `${client.legalName} – ${t('appName')}`;
  }

  function renderAside() {
    const a = client.address || {};
    const status = client.taxIdCheck && client.taxIdCheck.status;
    replace(aside,
      h('h2', { id: 'panel-title' }, t('legalAndContact')),
      h('dl', { class: 'fields' },
        h('dt', {}, t('taxIdLabel')),
        h('dd', { id: 'panel-tax-id' }, client.taxId || t('none'),
          client.taxId && status ? h('span', { class: `badge tax-${String(status).toLowerCase()}` }, t(`taxIdStatus.${status}`) === `taxIdStatus.${status}` ? status : t(`taxIdStatus.${status}`)) : null),
        h('dt', {}, t('address')),
        h('dd', { id: 'panel-address' }, h('address', {},
          a.street || '', h('br'), [a.postalCode, a.city].filter(Boolean).join(' '), a.region ? [h('br'), a.region] : null,
          h('br'), countryName(a.country))),
        client.email ? [h('dt', {}, t('email')), h('dd', {}, h('a', { href: `mailto:${client.email}` }, client.email))] : null,
        client.phone ? [h('dt', {}, t('phone')), h('dd', { id: 'panel-phone' }, h('a', { href: `tel:${client.phone.replace(/\s+/g, '')}` }, client.phone))] : null,
        client.website ? [h('dt', {}, t('website')), h('dd', {}, /^https?:\/\//.test(client.website)
          ? h('a', { href: client.website, rel: 'noopener noreferrer', target: '_blank' }, client.website) : client.website)] : null),
      h('h3', {}, t('contacts')),
      (client.contacts || []).length === 0 ? h('p', { class: 'muted' }, t('noContacts'))
        : h('ul', { class: 'contacts' }, client.contacts.map((c) => h('li', {},
          h('strong', {}, c.name || ''), c.role ? ` – ${c.role}` : '',
          c.email ? [h('br'), h('a', { href: `mailto:${c.email}` }, c.email)] : null,
          c.phone ? [h('br'), c.phone] : null))),
      h('button', { type: 'button', class: 'secondary', id: 'edit-contact', onclick: openEdit }, t('editContact')));
  }

  // ---- tabs (ARIA tabs pattern: arrows move between tabs, the panel follows)
  let current = tabs.some((tab) => tab.id === requestedTab) ? requestedTab : tabs[0].id;
  const buttons = tabs.map((tab) => h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'data-tab': tab.id,
    'aria-controls': 'tab-panel', onclick: () => select(tab.id, false) }, tab.title || overviewTitle()));
  tablist.append(...buttons);
  tablist.addEventListener('keydown', (e) => {
    const i = tabs.findIndex((tab) => tab.id === current);
    let next = null;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    e.preventDefault();
    select(tabs[next].id, true);
  });

  function overviewTitle() {
    return document.documentElement.lang === 'de' ? 'Überblick' : 'Overview';
  }

  let tabRequest = 0;
  async function select(tabId, focus) {
    current = tabId;
    buttons.forEach((b) => {
      const on = b.dataset.tab === tabId;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    });
    const button = buttons.find((b) => b.dataset.tab === tabId);
    panel.setAttribute('aria-labelledby', button.id);
    if (focus) button.focus();
    history.replaceState(null, '', `#/clients/${encodeURIComponent(id)}/${encodeURIComponent(tabId)}`);
    await loadTab(TAB_PAGE);
  }

  async function loadTab(limit) {
    const mine = ++tabRequest;
    const tab = tabs.find((x) => x.id === current);
    panel.setAttribute('aria-busy', 'true');
    const parts = [];
    try {
      if (current === 'overview') {
        if (overview && !tab.synthetic) overview = await optional(`${base}/overview`) || overview;
        parts.push(renderOverview(overview));
      }
      if (!tab.synthetic) {
        const r = await api(`${base}/tabs/${encodeURIComponent(current)}?limit=${limit}&offset=0`);
        parts.push(renderBlocks(r.body.blocks, { reload: () => loadTab(limit), more: (n) => loadTab(n) }));
      }
      if (current === 'contact') {
        parts.push(h('p', {}, h('button', { type: 'button', class: 'primary', id: 'edit-contact-tab', onclick: openEdit }, t('editContact'))));
      }
      if (mine === tabRequest) replace(panel, parts);
    } catch (e) {
      if (mine === tabRequest) replace(panel, h('p', { class: 'muted' }, e instanceof ApiError && e.status === 404 ? t('unsupported') : t('error', { detail: e.message })));
    } finally {
      if (mine === tabRequest) panel.setAttribute('aria-busy', 'false');
    }
  }

  function renderOverview(ov) {
    if (!ov || !Array.isArray(ov.sections)) return h('div', { class: 'overview' });
    return h('div', { class: 'overview' }, ov.sections.map((s) => h('section', { class: `metric-card section-${s.id}`, 'data-section': s.id },
      h('h3', {}, s.title || s.id),
      s.status && s.status !== 'OK'
        ? h('p', { class: 'muted' }, s.status === 'TIMEOUT' ? t('sectionTimeout') : t('sectionFailed'))
        : h('dl', { class: 'metrics' }, (s.metrics || []).map((m) => h('div', { class: `metric metric-${m.id}`, 'data-metric': m.id },
          h('dt', {}, m.label || m.id),
          h('dd', {}, formatDecimal(m.kind === 'AMOUNT' ? Number(m.value).toFixed(2) : String(m.value)), m.unit ? h('span', { class: 'unit' }, ` ${m.unit}`) : null)))))));
  }

  // ---- editing with If-Match: a stale version (412) is never overwritten
  function openEdit() {
    openDialog({
      title: t('editTitle'),
      id: 'edit-dialog',
      wide: true,
      build(body, close) {
        let form;
        const message = h('div', { class: 'form-message', role: 'alert', 'aria-live': 'assertive' });
        const submit = h('button', { type: 'submit', class: 'primary' }, t('save'));
        const holder = h('div');
        const build = () => { form = clientForm(client, { contactData: true }); replace(holder, form.element); };
        build();
        const el = h('form', { novalidate: true, id: 'edit-form' }, holder, message,
          h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'secondary', onclick: close }, t('cancel')), submit));
        el.addEventListener('submit', async (e) => {
          e.preventDefault();
          form.clearErrors();
          message.replaceChildren();
          submit.disabled = true;
          try {
            const r = await api(base, { method: 'PATCH', json: form.read(), contentType: 'application/merge-patch+json',
              headers: { 'If-Match': etag } });
            client = r.body;
            etag = r.headers.get('ETag') || `"${client.version}"`;
            close();
            renderHeading();
            renderAside();
            announce(t('saved'));
            loadTab(TAB_PAGE);
          } catch (err) {
            if (!(err instanceof ApiError)) { message.textContent = t('offline'); return; }
            if (err.status === 412) {
              const reload = h('button', { type: 'button', class: 'primary', id: 'conflict-reload', onclick: async () => {
                try {
                  const fresh = await api(base);
                  client = fresh.body;
                  etag = fresh.headers.get('ETag');
                  renderHeading();
                  renderAside();
                  build();
                  replace(message, h('p', { class: 'info' }, t('reloaded')));
                  const first = holder.querySelector('input');
                  if (first) first.focus();
                } catch (e2) {
                  message.textContent = t('error', { detail: e2.message });
                }
              } }, t('reload'));
              message.append(h('p', { class: 'conflict' }, t('conflict')), reload);
              reload.focus();
            } else if (err.status === 422) {
              const unknown = form.showErrors(err.problem.errors);
              message.append(h('p', {}, t('fixFields')), unknown.map((u) => h('p', {}, `${u.field ? `${u.field}: ` : ''}${u.message}`)));
              form.focusFirstError();
            } else if (err.status === 409) {
              const x = err.problem.existing || {};
              form.showErrors([{ field: err.problem.field, message: err.problem.detail }]);
              message.append(h('p', {}, t('duplicateOf'), ' ', h('a', { href: `#/clients/${encodeURIComponent(x.id)}`, onclick: () => close() },
                t('openExisting', { name: x.legalName, number: x.number }))));
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

  renderHeading();
  renderAside();
  await select(current, false);
  heading.focus();
}
