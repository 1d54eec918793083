// The JSON API: reads with the session cookie, writes with the session's CSRF token as well.
let csrf = null;

export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function answer(response) {
  const body = response.status === 204 ? {} : await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new HttpError(response.status, body.error || response.statusText);
  }
  return body;
}

export async function session() {
  const s = await answer(await fetch('/api/session', {credentials: 'same-origin'}));
  csrf = s.csrf;
  return s;
}

export async function signIn(token) {
  const s = await answer(await fetch('/login', {
    method: 'POST', credentials: 'same-origin',
    headers: {'Content-Type': 'application/json'}, body: JSON.stringify({token}),
  }));
  csrf = s.csrf;
  return s;
}

export async function signOut() {
  await post('/api/logout');
  csrf = null;
}

export async function get(path) {
  return answer(await fetch(path, {credentials: 'same-origin'}));
}

export async function post(path, body) {
  return answer(await fetch(path, {
    method: 'POST', credentials: 'same-origin',
    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
    body: JSON.stringify(body || {}),
  }));
}

/** An element with text set as text, never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

export function media(hash) {
  return '/media/' + encodeURIComponent(hash);
}
