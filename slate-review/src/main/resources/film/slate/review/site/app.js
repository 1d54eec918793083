// The review room's router: #/ overview, #/shot/SCENE/SHOT, #/cut. No inline script anywhere (CSP).
import {session, signIn, signOut, el, HttpError} from './api.js';
import {overview} from './overview.js';
import {shotPage} from './shot.js';
import {cutPage} from './cut.js';

const main = () => document.getElementById('main');
let me = null;
let leave = null;

async function route() {
  if (leave) { leave(); leave = null; }
  const hash = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  const root = main();
  root.replaceChildren(el('p', {class: 'hint', text: 'Loading…'}));
  try {
    if (hash.startsWith('/shot/')) leave = await shotPage(root, hash.slice('/shot/'.length), me);
    else if (hash === '/cut') leave = await cutPage(root);
    else leave = await overview(root, me);
  } catch (e) {
    root.replaceChildren(el('p', {class: 'error', text: e.message}));
  }
}

// Sign out: the server deletes the session (CSRF token sent as for any write) and clears the cookie.
async function leaveRoom() {
  try {
    await signOut();
  } catch (e) {
    if (!(e instanceof HttpError && e.status === 401)) { alert(e.message); return; }
  }
  if (leave) { leave(); leave = null; }
  window.removeEventListener('hashchange', route);
  me = null;
  document.getElementById('who').textContent = '';
  document.getElementById('signout').hidden = true;
  delete document.body.dataset.role;
  signInForm('Signed out.');
}

function signInForm(said = '') {
  const input = el('input', {type: 'password', id: 'token', placeholder: 'NAME.SECRET from slate user add', size: 50});
  const note = el('p', {class: 'hint', id: 'signin-note', text: said});
  const form = el('form', {id: 'signin', onsubmit: async (ev) => {
    ev.preventDefault();
    try {
      me = await signIn(input.value.trim());
      start();
    } catch (e) {
      note.textContent = e.message;
    }
  }}, el('h1', {text: 'Sign in'}), input, el('button', {type: 'submit', text: 'Sign in'}), note);
  main().replaceChildren(form);
}

function start() {
  document.getElementById('who').textContent = me.user + ' (' + me.role + ')';
  document.body.dataset.role = me.role;
  document.getElementById('signout').hidden = false;
  window.addEventListener('hashchange', route);
  route();
}

document.getElementById('signout').addEventListener('click', leaveRoom);

(async () => {
  try {
    me = await session();
    start();
  } catch (e) {
    if (e instanceof HttpError && e.status === 401) signInForm();
    else main().replaceChildren(el('p', {class: 'error', text: e.message}));
  }
})();
