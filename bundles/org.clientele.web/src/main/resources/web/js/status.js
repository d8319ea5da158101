// The page's two live regions: polite news ("Saved.") and errors, which screen readers read out.
import { t } from './i18n.js';
import { ApiError } from './api.js';

export function announce(message) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  // a fresh text node in a later task makes screen readers announce repeated messages too
  setTimeout(() => { region.textContent = message; }, 50);
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => { region.textContent = ''; }, 8000);
}

export function showError(error) {
  const region = document.getElementById('error-region');
  region.replaceChildren();
  if (!error) { region.hidden = true; return; }
  let text;
  if (error instanceof ApiError) {
    if (error.status === 401) return; // the sign-in form takes over
    if (error.status === 403) text = t('forbidden');
    else if (error.status === 404) text = t('notFound');
    else text = t('error', { detail: error.message });
  } else if (error && error.name === 'TypeError') {
    text = t('offline');
  } else {
    text = t('error', { detail: error && error.message ? error.message : String(error) });
  }
  const p = document.createElement('p');
  p.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'link-button';
  close.textContent = t('close');
  close.addEventListener('click', () => { region.hidden = true; region.replaceChildren(); });
  region.append(p, close);
  region.hidden = false;
}

export function clearError() {
  showError(null);
}
