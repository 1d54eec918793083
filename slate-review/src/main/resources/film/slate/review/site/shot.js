// The shot page: takes and versions side by side, the frame-exact player, notes with regions, decisions.
import {get, post, el, media} from './api.js';
import {Player, timecode} from './player.js';
import {RegionPen} from './notes.js';
import {versionsPanel} from './versions.js';

export async function shotPage(root, id, me) {
  let data = await get('/api/shot?id=' + encodeURIComponent(id));
  const versions = versionsPanel(data.shot, me); // the version tree, the diff view, fix on a note
  const num = data.format.fps_num;
  const den = data.format.fps_den;
  const frameLabel = el('span', {id: 'frame-number', 'data-frame': '0', text: 'frame 0'});
  const tcLabel = el('span', {id: 'timecode', text: timecode(0, num, den)});
  const picture = el('canvas', {id: 'picture'});
  const overlay = el('canvas', {id: 'overlay'});
  const stage = el('div', {class: 'stage'}, picture, overlay);
  const player = new Player(picture, num, den, data.frames, (f) => {
    frameLabel.textContent = 'frame ' + f;
    frameLabel.dataset.frame = String(f);
    tcLabel.textContent = timecode(f, num, den);
    pen.show(data.notes.filter((n) => n.take === current?.take && n.version === current?.version && n.frame <= f
      && f <= (n.to ?? n.frame)).map((n) => n.region));
  });
  const pen = new RegionPen(overlay, () => (player.videos.length === 2 && player.wipe === null ? 0.5 : 1));
  let current = null; // {take, version, proxy}
  let compare = null;

  const status = el('p', {class: 'hint', id: 'shot-status'});
  const watch = async (take, v) => {
    current = {take, version: v.version, proxy: v.proxy};
    compare = null;
    player.wipe = null;
    try {
      await player.load(media(v.proxy));
    } catch (e) {
      // A damaged object is refused by the server (409): say so instead of showing a stale picture.
      status.textContent = 'take ' + take + ' v' + v.version + ' cannot be played: its proxy is missing or damaged;'
        + ' run slate verify';
      return;
    }
    status.textContent = 'take ' + take + ' v' + v.version;
    decisions.hidden = me.role !== 'director';
  };
  const compareWith = async (take, v, mode) => {
    if (!current) return;
    compare = {take, version: v.version};
    player.wipe = mode === 'wipe' ? 0.5 : null;
    await player.load(media(current.proxy), media(v.proxy));
    status.textContent = 'take ' + current.take + ' v' + current.version + ' against take ' + take + ' v' + v.version
      + (mode === 'wipe' ? ' (wipe)' : ' (side by side)');
  };

  const takes = el('div', {class: 'takes', id: 'takes'}, ...data.takes.map((t) => el('div', {class: 'take'},
    el('h3', {text: 'Take ' + t.take + ' · ' + t.state}),
    t.why.length ? el('p', {class: 'small why', text: 'changed: ' + t.why.join(', ')}) : null,
    el('div', {class: 'versions'}, ...t.versions.map((v) => el('div', {class: 'version' + (v.approved ? ' approved' : '')},
      el('span', {text: 'v' + v.version + (v.approved ? ' ✓ approved' : '')}),
      v.proxy ? el('button', {class: 'watch', 'data-take': t.take, 'data-version': v.version, text: 'Watch',
        onclick: () => watch(t.take, v)}) : el('span', {class: 'small', text: 'no proxy'}),
      v.proxy ? el('button', {class: 'compare', text: 'Side by side', onclick: () => compareWith(t.take, v, 'side')}) : null,
      v.proxy ? el('button', {class: 'compare', text: 'Wipe', onclick: () => compareWith(t.take, v, 'wipe')}) : null))))));

  const wipe = el('input', {type: 'range', id: 'wipe', min: 0, max: 100, value: 50, oninput: () => {
    if (player.wipe !== null) { player.wipe = wipe.value / 100; player.draw(); }
  }});
  const loopIn = el('span', {id: 'loop', text: 'no loop'});
  const setLoop = (i, o) => {
    player.loop = i === null ? null : [i, o];
    loopIn.textContent = i === null ? 'no loop' : 'loop ' + i + '–' + o;
  };
  let markIn = null;
  const controls = el('div', {class: 'controls'},
    el('button', {id: 'back', text: '◀', title: 'previous frame (←)', onclick: () => player.step(-1)}),
    el('button', {id: 'play', text: '▶▶ L', onclick: () => player.play()}),
    el('button', {id: 'pause', text: '❚❚ K', onclick: () => player.stop()}),
    el('button', {id: 'forward', text: '▶', title: 'next frame (→)', onclick: () => player.step(1)}),
    frameLabel, tcLabel, loopIn, el('label', {text: ' wipe '}), wipe);

  // Notes: N opens the form at the current frame; drag on the picture to mark a region.
  const text = el('textarea', {id: 'note-text', rows: 3, cols: 50, placeholder: 'What is wrong on this frame?'});
  const tool = el('select', {id: 'note-tool', onchange: () => { pen.tool = tool.value; pen.clear(); }},
    el('option', {value: 'rect', text: 'rectangle'}), el('option', {value: 'stroke', text: 'free hand'}));
  const noteFrame = el('span', {id: 'note-frame'});
  const noteError = el('span', {class: 'error'});
  const form = el('form', {id: 'note-form', hidden: true, onsubmit: async (e) => {
    e.preventDefault();
    try {
      await post('/api/notes', {shot: data.shot, take: current.take, version: current.version, frame: player.frame,
        region: pen.region, text: text.value});
      form.hidden = true;
      pen.active = false;
      text.value = '';
      await reload();
    } catch (err) {
      noteError.textContent = err.message;
    }
  }}, el('div', {}, el('strong', {text: 'Note at '}), noteFrame, el('span', {text: ' · region: '}), tool),
  text, el('button', {type: 'submit', id: 'note-save', text: 'Save note'}),
  el('button', {type: 'button', text: 'Cancel', onclick: () => { form.hidden = true; pen.active = false; pen.clear(); }}),
  noteError);
  const startNote = () => {
    if (!current || me.role === 'viewer') return;
    player.stop();
    form.hidden = false;
    pen.active = true;
    pen.clear();
    noteFrame.textContent = 'frame ' + player.frame + ' (' + timecode(player.frame, num, den) + ')';
    text.focus();
  };

  const verdict = (word) => async () => {
    await post('/api/decisions', {shot: data.shot, take: current.take, version: current.version, verdict: word});
    await reload();
  };
  const decisions = el('div', {id: 'decisions', class: 'decisions', hidden: true},
    el('button', {id: 'approve', text: 'Approve', onclick: verdict('approved')}),
    el('button', {id: 'needs-fix', text: 'Needs fix', onclick: verdict('needs-fix')}),
    el('button', {id: 'reject', text: 'Reject', onclick: verdict('rejected')}));

  const notesList = el('ol', {id: 'notes'});
  const history = el('ul', {id: 'history'});
  const drawLists = () => {
    notesList.replaceChildren(...data.notes.map((n) => el('li', {'data-note': n.id, 'data-frame': n.frame,
      class: n.resolved ? 'resolved' : '', onclick: () => player.seek(n.frame)},
    el('span', {class: 'where', text: 'take ' + n.take + ' v' + n.version + ' · frame ' + n.frame + (n.to !== null ? '–' + n.to : '')
      + ' · ' + n.timecode}), el('span', {class: 'author', text: ' ' + n.author + ': '}),
    el('span', {class: 'text', text: n.text}), versions.fixButton(n),
    n.resolved || me.role === 'viewer' ? null : el('button', {class: 'resolve', text: 'Resolve', onclick: async (e) => {
      e.stopPropagation();
      await post('/api/notes/' + n.id + '/resolve');
      await reload();
    }}))));
    history.replaceChildren(...data.decisions.map((d) => el('li', {text: d.at + ' ' + d.actor + ' ' + d.verdict
      + ' take ' + d.take + ' v' + d.version + (d.reason ? ' because ' + d.reason : '')})));
  };
  const reload = async () => {
    data = await get('/api/shot?id=' + encodeURIComponent(id));
    drawLists();
    player.onFrame(player.frame);
  };

  const recipe = data.recipe ? el('dl', {class: 'recipe'},
    el('dt', {text: 'prompt'}), el('dd', {text: data.recipe.prompt}),
    el('dt', {text: 'seed'}), el('dd', {text: String(data.recipe.seed)}),
    el('dt', {text: 'backend'}), el('dd', {text: data.recipe.backend}),
    el('dt', {text: 'recipe'}), el('dd', {text: data.recipe.id})) : el('p', {class: 'hint', text: 'no render yet; run slate build'});

  // Lineage: each take's versions oldest first, with what changed in the recipe from one to the next.
  const lineage = el('div', {id: 'lineage', class: 'lineage'}, ...data.takes.map((t) => el('div', {},
    el('h3', {text: 'Take ' + t.take}),
    el('ol', {class: 'small'}, ...t.lineage.map((v) => el('li', {class: 'lineage-version', 'data-take': t.take,
      'data-version': v.version, 'data-changed': v.changed.join(' ')},
    el('strong', {text: 'v' + v.version}),
    el('span', {text: ' ' + v.rendered_at + ' · ' + v.backend + ' · recipe ' + v.recipe.slice(0, 12)
      + (v.status !== 'rendered' ? ' · ' + v.status : '')}),
    el('span', {class: 'why', text: v.same_recipe_as !== null ? ' · the recipe of v' + v.same_recipe_as + ' again'
      : v.changed.length ? ' · changed: ' + v.changed.join(', ') : v.version > 1 ? ' · same recipe' : ' · first render'})))))));
  const locked = data.locked ? el('p', {id: 'locked', class: 'hint', text: 'Picture locked on take ' + data.locked.take
    + ' v' + data.locked.version + ' by ' + data.locked.by + (data.locked.reason ? ': ' + data.locked.reason : '')}) : '';
  const plan = el('img', {id: 'floor-plan', class: 'plan', src: data.plan, alt: 'floor plan of scene ' + data.shot.split('/')[0]});

  root.replaceChildren(el('h1', {id: 'shot-title', text: 'Shot ' + data.shot}), el('p', {text: data.action}), locked,
    takes, status, stage, controls, decisions, form,
    el('h2', {text: 'Notes'}), notesList, el('h2', {text: 'Decisions'}), history, el('h2', {text: 'Recipe'}), recipe,
    el('h2', {text: 'Lineage'}), lineage, versions.element, el('h2', {text: 'Floor plan'}), plan);
  drawLists();

  const keys = (e) => {
    if (e.target.tagName === 'TEXTAREA' || e.target.tagName === 'INPUT') return;
    const k = e.key;
    if (k === 'ArrowRight') player.step(1);
    else if (k === 'ArrowLeft') player.step(-1);
    else if (k === 'l' || k === 'L') player.play();
    else if (k === 'k' || k === 'K') player.stop();
    else if (k === 'j' || k === 'J') { player.stop(); player.step(-Math.round(num / den)); }
    else if (k === 'i' || k === 'I') { markIn = player.frame; setLoop(markIn, Math.max(markIn, player.frames - 1)); }
    else if (k === 'o' || k === 'O') setLoop(markIn ?? 0, player.frame);
    else if (k === 'Escape') setLoop(null);
    else if (k === 'n' || k === 'N') startNote();
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', keys);
  const first = data.takes.flatMap((t) => t.versions.filter((v) => v.proxy).map((v) => [t.take, v]))
    .sort(([, a], [, b]) => Number(b.approved) - Number(a.approved))[0];
  if (first) await watch(first[0], first[1]);
  else status.textContent = 'no proxy to play yet; run slate build';
  return () => { player.stop(); versions.close(); document.removeEventListener('keydown', keys); };
}
