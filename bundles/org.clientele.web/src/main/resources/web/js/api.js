import { language } from './i18n.js';

// The REST API client. Credentials live in this module's memory only: never in localStorage
// or sessionStorage, gone on reload and on sign-out.

let credentials = null; // {user, authorization}
let onUnauthorized = () => {};

/** Remembers the credentials for this page's lifetime. */
export function signIn(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  credentials = { user, authorization: `Basic ${btoa(binary)}` };
}

/** Forgets the credentials. */
export function signOut() {
  credentials = null;
}

export function currentUser() {
  return credentials ? credentials.user : null;
}

/** What to do when the API answers 401 (show the sign-in form). */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

/** An answer the page did not expect (4xx/5xx), with the problem+json body when there is one. */
export class ApiError extends Error {
  constructor(status, problem, response) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.response = response;
  }
}

function headers(extra) {
  const h = new Headers(extra || {});
  if (credentials) h.set('Authorization', credentials.authorization);
  // Marks our calls as script calls (see the README: the server may then leave out
  // WWW-Authenticate so that the browser never shows its own login dialog).
  h.set('X-Requested-With', 'XMLHttpRequest');
  if (!h.has('Accept')) h.set('Accept', 'application/json, application/problem+json');
  // tab titles, overview labels and the like come in the page's language, not the browser's
  h.set('Accept-Language', language());
  return h;
}

async function readBody(response) {
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 204) return null;
  if (type.includes('json')) {
    try { return await response.json(); } catch { return null; }
  }
  return null;
}

/**
 * Calls the API. `path` starts with /api/. Options: method, json (a body to send as JSON),
 * body (FormData or Blob), contentType, headers, signal, expect (statuses that are not errors,
 * default 2xx), signingIn (a 401 is the caller's business). Answers {status, headers, body}; throws ApiError otherwise (after calling the
 * unauthorized handler for 401).
 */
export async function api(path, options = {}) {
  const init = { method: options.method || 'GET', headers: headers(options.headers), signal: options.signal,
    credentials: 'omit', cache: 'no-store' };
  if (options.json !== undefined) {
    init.headers.set('Content-Type', options.contentType || 'application/json');
    init.body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    if (options.contentType) init.headers.set('Content-Type', options.contentType);
    init.body = options.body;
  }
  const response = await fetch(path, init);
  const body = await readBody(response);
  const expected = options.expect ? options.expect.includes(response.status) : response.ok;
  if (expected) return { status: response.status, headers: response.headers, body };
  if (response.status === 401 && !options.signingIn) onUnauthorized();
  throw new ApiError(response.status, body, response);
}

/** Parses an RFC 8288 Link header into {rel: href}. */
export function links(header) {
  const out = {};
  if (!header) return out;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = part.match(/<([^>]*)>\s*;(.*)/);
    if (!m) continue;
    const rel = m[2].match(/rel="?([^";]+)"?/);
    if (rel) for (const r of rel[1].trim().split(/\s+/)) out[r] = m[1];
  }
  return out;
}

/**
 * Downloads an API resource with our credentials (a plain link could not send them) and
 * hands it to the browser as a file.
 */
export async function download(path, fallbackName) {
  const response = await fetch(path, { headers: headers({ Accept: '*/*' }), credentials: 'omit', cache: 'no-store' });
  if (!response.ok) {
    const body = await readBody(response);
    if (response.status === 401) onUnauthorized();
    throw new ApiError(response.status, body, response);
  }
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i);
  const plain = disposition.match(/filename="?([^";]+)"?/i);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name || 'download';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}

/** The version inside a strong ETag ("3" → 3), or null. */
export function etagOf(response) {
  return response.headers.get('ETag');
}
