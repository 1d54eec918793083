// Overview: scenes as rows, shots as cards in edit order, filters, live updates from the event log.
import {get, el, media} from './api.js';

const STATES = ['missing', 'queued', 'rendering', 'failed', 'rendered', 'stale', 'approved', 'needs fix'];

function card(shot) {
  const still = shot.still
    ? el('video', {class: 'still', src: media(shot.still) + '#t=0.01', preload: 'metadata', muted: true})
    : el('div', {class: 'still empty', text: shot.shot});
  return el('a', {class: 'card', href: '#/shot/' + shot.shot, 'data-shot': shot.shot, 'data-state': shot.state},
    still,
    el('div', {class: 'line'}, el('strong', {text: shot.shot}), el('span', {class: 'state s-' + shot.state.replace(' ', '-'), text: shot.state})),
    el('div', {class: 'line small'},
      el('span', {text: shot.takes + (shot.takes === 1 ? ' take' : ' takes')}),
      el('span', {class: 'open-notes', text: shot.open_notes + ' open notes'})),
    el('div', {class: 'small action', text: shot.action}),
    ...shot.diagnostics.map((d) => el('div', {class: 'diagnostic', text: d})));
}

function matches(shot, scene, who, state) {
  if (scene && shot.shot.split('/')[0] !== scene) return false;
  if (state && shot.state !== state) return false;
  if (who) {
    const name = who.replace(/^@/, '').toUpperCase();
    if (!shot.characters.some((c) => c.toUpperCase() === name)) return false;
  }
  return true;
}

export async function overview(root) {
  const scene = el('select', {id: 'filter-scene'}, el('option', {value: '', text: 'every scene'}));
  const who = el('input', {id: 'filter-character', placeholder: '@CHARACTER', size: 14});
  const state = el('select', {id: 'filter-state'}, el('option', {value: '', text: 'every state'}),
    ...STATES.map((s) => el('option', {value: s, text: s})));
  const rows = el('div', {id: 'scenes'});
  const hint = el('p', {class: 'hint', id: 'hint'});
  let data = null;

  const draw = () => {
    hint.textContent = data.hint || '';
    rows.replaceChildren(...data.scenes.map((s) => {
      const shots = s.shots.filter((x) => matches(x, scene.value, who.value.trim(), state.value));
      return shots.length === 0 ? null
        : el('section', {class: 'scene', 'data-scene': s.scene}, el('h2', {text: 'Scene ' + s.scene}),
          el('div', {class: 'cards'}, ...shots.map(card)));
    }).filter(Boolean));
  };
  const load = async () => {
    data = await get('/api/shots');
    if (scene.options.length === 1) {
      data.scenes.forEach((s) => scene.append(el('option', {value: s.scene, text: 'scene ' + s.scene})));
    }
    draw();
  };
  [scene, state].forEach((x) => x.addEventListener('change', draw));
  who.addEventListener('input', draw);
  await load();
  root.replaceChildren(el('h1', {id: 'title', text: data.title}),
    el('div', {class: 'filters'}, scene, who, state), hint, rows);

  // Live: each event on the log (a take rendered, a note, a verdict) reloads the cards, at most twice a second.
  const events = new EventSource('/api/events/stream');
  let pending = null;
  events.addEventListener('event', () => {
    if (!pending) pending = setTimeout(() => { pending = null; load(); }, 500);
  });
  return () => events.close();
}
