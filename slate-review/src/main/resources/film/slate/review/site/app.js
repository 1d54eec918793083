// The review room's router: #/ overview, #/shot/SCENE/SHOT, #/cut. No inline script anywhere (CSP).
import {session, signIn, el, HttpError} from './api.js';
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

function signInForm() {
  const input = el('input', {type: 'password', id: 'token', placeholder: 'NAME.SECRET from slate user add', size: 50});
  const note = el('p', {class: 'hint'});
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
  window.addEventListener('hashchange', route);
  route();
}

(async () => {
  try {
    me = await session();
    start();
  } catch (e) {
    if (e instanceof HttpError && e.status === 401) signInForm();
    else main().replaceChildren(el('p', {class: 'error', text: e.message}));
  }
})();
