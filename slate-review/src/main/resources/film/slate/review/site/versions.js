// The version tree (renders, fixes with their parents, stale flags, verdicts), the diff view (recipe fields
// changed, changed pixels tinted) and "fix" on a note. The tree is slate history's JSON; the diff, slate diff's.
import {get, post, el} from './api.js';

export function versionsPanel(shot, me) {
  const tree = el('div', {id: 'version-tree', class: 'version-tree'});
  const fixState = el('p', {id: 'fix-state', class: 'hint'});
  const diffOut = el('div', {id: 'diff-view', class: 'diff-view'});
  const pick = (id) => el('select', {id});
  const a = pick('diff-a');
  const b = pick('diff-b');
  const frame = el('input', {id: 'diff-frame', type: 'number', min: 0, value: 0, size: 5});
  let takeOf = new Map(); // option value 'take:version' -> [take, version]

  const drawTree = async () => {
    const t = await get('/api/tree?shot=' + encodeURIComponent(shot));
    const options = [];
    tree.replaceChildren(...t.takes.map((take) => el('div', {class: 'tree-take'},
      el('h3', {text: 'Take ' + take.take}),
      el('ul', {}, ...take.versions.map((v) => {
        options.push([take.take, v.version]);
        const depth = depthOf(take.versions, v);
        return el('li', {class: 'tree-version' + (v.stale ? ' stale' : '') + (v.approved ? ' approved' : ''),
          'data-take': take.take, 'data-version': v.version, 'data-kind': v.kind,
          'data-parent': v.parent ?? '', 'data-stale': String(v.stale), 'data-depth': depth},
        el('span', {text: '\u2003'.repeat(depth) + 'v' + v.version + ' ' + v.kind + (v.parent !== null ? ' of v' + v.parent : '')}),
        v.fix ? el('span', {class: 'small', text: ' · frames ' + v.fix.frames[0] + '–' + v.fix.frames[1]
          + (v.fix.prompt ? ' · "' + v.fix.prompt + '"' : '')}) : null,
        v.stale ? el('span', {class: 'small', text: v.fix ? ' · stale: its parent\'s recipe changed (edit kept)' : ' · stale'}) : null,
        v.approved ? el('span', {class: 'small', text: ' · approved'}) : null,
        ...v.decisions.map((d) => el('span', {class: 'small', text: ' · ' + d.verdict + ' by ' + d.by})),
        v.parent !== null ? el('button', {class: 'diff-parent', text: 'Diff with v' + v.parent,
          onclick: () => { a.value = take.take + ':' + v.parent; b.value = take.take + ':' + v.version; diff(); }}) : null);
      })))));
    takeOf = new Map(options.map(([tk, v]) => [tk + ':' + v, [tk, v]]));
    for (const s of [a, b]) {
      const was = s.value;
      s.replaceChildren(...options.map(([tk, v]) => el('option', {value: tk + ':' + v, text: 'take ' + tk + ' v' + v})));
      if (takeOf.has(was)) s.value = was;
    }
    if (!takeOf.has(b.value) && options.length) b.value = options[options.length - 1].join(':');
  };

  const diff = async () => {
    const [ta, va] = takeOf.get(a.value) || [];
    const [tb, vb] = takeOf.get(b.value) || [];
    if (ta === undefined || tb === undefined) return;
    if (ta !== tb) { diffOut.replaceChildren(el('p', {class: 'error', text: 'compare two versions of one take'})); return; }
    const q = 'shot=' + encodeURIComponent(shot) + '&take=' + ta + '&a=' + va + '&b=' + vb;
    diffOut.replaceChildren(el('p', {class: 'hint', text: 'comparing…'}));
    try {
      const d = await get('/api/diff?' + q);
      const first = d.pixels.changed_frames.length ? d.pixels.changed_frames[0].frame : Number(frame.value);
      if (!frame.dataset.touched) frame.value = first;
      diffOut.replaceChildren(
        el('p', {id: 'diff-verdict', 'data-outside': String(d.pixels.outside_changed), text: d.verdict}),
        el('ul', {id: 'diff-fields'}, ...d.recipe.map((c) => el('li', {'data-path': c.path,
          text: c.path + ': ' + (c.before ?? '(none)') + ' → ' + (c.after ?? '(none)')}))),
        el('p', {class: 'small', text: d.pixels.changed_frames.length + ' of ' + d.pixels.frames + ' frames changed, '
          + d.pixels.pixels + ' pixels' + (d.pixels.psnr_inside !== null ? ', PSNR inside ' + d.pixels.psnr_inside.toFixed(2) + ' dB' : '')}),
        el('img', {id: 'diff-picture', class: 'diff-picture', alt: 'changed pixels of frame ' + frame.value + ' tinted red',
          src: '/api/diff/picture?' + q + '&frame=' + frame.value}));
    } catch (e) {
      diffOut.replaceChildren(el('p', {class: 'error', text: e.message}));
    }
  };

  const prompt = el('input', {id: 'fix-prompt', size: 40, placeholder: 'prompt for the region (optional)'});
  const fix = async (note) => {
    fixState.textContent = 'asking for a fix of note ' + note.id + '…';
    try {
      const body = {note: note.id};
      if (prompt.value.trim()) body.prompt = prompt.value.trim();
      const job = await post('/api/fix', body);
      fixState.dataset.job = job.job;
      fixState.textContent = job.state === 'done' ? 'this fix was made before: take ' + job.take + ' v' + job.version
        : 'fix of take ' + note.take + ' v' + note.version + ' frames ' + note.frame + '–' + (note.to ?? note.frame)
          + ' is rendering; the new version appears here when it is done';
    } catch (e) {
      fixState.textContent = e.message;
    }
  };

  // Live: a fix made (or failed) on this shot redraws the page, so the new version can be watched at once.
  const events = new EventSource('/api/events/stream');
  events.addEventListener('event', (m) => {
    const e = JSON.parse(m.data);
    if (e.shot !== shot) return;
    if (e.action === 'fix-failed') fixState.textContent = e.reason;
    else if (e.action === 'fixed') window.dispatchEvent(new HashChangeEvent('hashchange'));
    else drawTree().catch(() => {});
  });

  const canFix = me.role === 'director' || me.role === 'editor';
  const element = el('section', {id: 'versions'},
    el('h2', {text: 'Version tree'}), tree,
    canFix ? el('div', {class: 'fix-form'}, el('span', {text: 'Fix on a note: '}), prompt) : null, fixState,
    el('h2', {text: 'Diff'}), el('div', {class: 'controls'}, a, el('span', {text: '→'}), b, el('label', {text: ' frame '}),
      frame, el('button', {id: 'diff-run', text: 'Diff', onclick: () => diff()})), diffOut);
  frame.addEventListener('input', () => { frame.dataset.touched = '1'; });
  drawTree().catch((e) => tree.replaceChildren(el('p', {class: 'error', text: e.message})));
  return {
    element,
    // A "Fix" button for a note with a drawn region, for those who may write (not viewers).
    fixButton: (note) => canFix && note.region && !note.resolved ? el('button', {class: 'fix', 'data-note': note.id,
      text: 'Fix', onclick: (ev) => { ev.stopPropagation(); fix(note); }}) : null,
    close: () => events.close(),
  };
}

function depthOf(versions, v) {
  let d = 0;
  for (let p = v; p && p.kind === 'fix' && p.parent !== null; p = versions.find((x) => x.version === p.parent)) d++;
  return d;
}
