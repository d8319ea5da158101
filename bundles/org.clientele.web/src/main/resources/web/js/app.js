// The page's frame: sign-in, header (language, sign-out), sidebar (Sales → Clients) and the
// hash router (#/clients?…, #/clients/{id}/{tab}).
import { h, replace, uid } from './dom.js';
import { t, language, setLanguage, onLanguageChange, LANGUAGES } from './i18n.js';
import { api, ApiError, signIn, signOut, currentUser, setUnauthorizedHandler } from './api.js';
import { renderList, parseState } from './list.js';
import { renderProfile } from './profile.js';
import { clearError } from './status.js';

const main = document.getElementById('main');
const header = document.getElementById('header-tools');
const nav = document.getElementById('sidebar');
let listHash = '#/clients';

function renderChrome() {
  document.getElementById('skip-link').textContent = t('skipToContent');
  document.getElementById('app-name').textContent = t('appName');
  const langId = uid('lang');
  const select = h('select', { id: langId },
    LANGUAGES.map((l) => h('option', { value: l, selected: l === language() }, l === 'de' ? 'Deutsch' : 'English')));
  select.addEventListener('change', () => setLanguage(select.value));
  replace(header,
    h('label', { for: langId, class: 'visually-hidden' }, t('language')),
    select,
    currentUser() ? [
      h('span', { class: 'user', id: 'current-user' }, t('signedInAs', { user: currentUser() })),
      h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: () => {
        signOut();
        renderChrome();
        showSignIn();
      } }, t('signOut'))] : null);
  nav.hidden = !currentUser();
  nav.setAttribute('aria-label', t('navigation'));
  replace(nav,
    h('p', { class: 'nav-group', id: 'nav-sales' }, t('sales')),
    h('ul', { 'aria-labelledby': 'nav-sales' },
      h('li', {}, h('a', { href: listHash, id: 'nav-clients', 'aria-current': 'page' }, t('clients')))));
}

function showSignIn(notice) {
  const userId = uid('user');
  const passwordId = uid('password');
  const user = h('input', { id: userId, name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { id: passwordId, name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'form-message bad', role: 'alert', id: 'sign-in-message' }, notice || '');
  const submit = h('button', { type: 'submit', class: 'primary', id: 'sign-in-button' }, t('signIn'));
  const form = h('form', { class: 'sign-in', id: 'sign-in-form', novalidate: true },
    h('h1', { id: 'page-title' }, t('signInTitle')),
    h('p', { class: 'hint' }, t('signInHint')),
    h('div', { class: 'field' }, h('label', { for: userId }, t('user')), user),
    h('div', { class: 'field' }, h('label', { for: passwordId }, t('password')), password),
    message, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.textContent = '';
    if (!user.value || !password.value) { message.textContent = t('badCredentials'); return; }
    submit.disabled = true;
    signIn(user.value.trim(), password.value);
    try {
      await api('/api/clients?limit=1', { signingIn: true });
      password.value = '';
      renderChrome();
      route();
    } catch (err) {
      signOut();
      message.textContent = err instanceof ApiError
        ? (err.status === 401 ? t('badCredentials') : err.status === 403 ? t('noRole') : t('error', { detail: err.message }))
        : t('offline');
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, form);
  document.title = t('appName');
  user.focus();
}

function route() {
  clearError();
  // a modal belongs to the view it was opened from: leaving the view closes it
  document.querySelectorAll('dialog[open]').forEach((d) => d.dispatchEvent(new Event('cancel', { cancelable: true })));
  if (!currentUser()) { showSignIn(); return; }
  const hash = window.location.hash || '#/clients';
  const [path, query] = hash.slice(1).split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'clients' && parts.length >= 2) {
    renderProfile(main, parts[1], parts[2], listHash);
  } else {
    document.title = `${t('clients')} – ${t('appName')}`;
    renderList(main, parseState(query), (h2) => {
      listHash = h2;
      const link = document.getElementById('nav-clients');
      if (link) link.setAttribute('href', h2);
    });
    const title = document.getElementById('page-title');
    if (title && document.activeElement === document.body) title.focus();
  }
}

setUnauthorizedHandler(() => {
  signOut();
  renderChrome();
  showSignIn(t('sessionEnded'));
});
onLanguageChange(() => { renderChrome(); if (currentUser()) route(); else showSignIn(); });
window.addEventListener('hashchange', route);
renderChrome();
route();

// the skip link must not change the route
document.getElementById('skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
