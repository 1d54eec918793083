// The cut: approved takes back to back in edit order; a shot with no approved take is a slate
// (a card with its id) held for the shot's length, so the film plays as it stands.
import {get, el, media} from './api.js';

export async function cutPage(root) {
  const data = await get('/api/shots');
  const shots = data.scenes.flatMap((s) => s.shots);
  const video = el('video', {id: 'cut-video', muted: true, playsinline: true});
  const slate = el('div', {id: 'cut-slate', class: 'slate', hidden: true});
  const label = el('p', {id: 'cut-now', class: 'hint'});
  const list = el('ol', {class: 'cut-list'}, ...shots.map((s) => el('li', {
    text: s.shot + (s.state === 'approved' ? ' · approved' : ' · slate (' + s.state + ')')})));
  let i = -1;
  let timer = null;
  const next = () => {
    clearTimeout(timer);
    i += 1;
    if (i >= shots.length) { label.textContent = 'end of the cut'; return; }
    const s = shots[i];
    label.textContent = (i + 1) + ' / ' + shots.length + ' · ' + s.shot;
    if (s.state === 'approved' && s.still) {
      slate.hidden = true;
      video.hidden = false;
      video.src = media(s.still);
      video.play().catch(() => {});
    } else {
      video.hidden = true;
      slate.hidden = false;
      slate.textContent = s.shot + ' — ' + s.state;
      timer = setTimeout(next, 2000);
    }
  };
  video.addEventListener('ended', next);
  root.replaceChildren(el('h1', {text: 'Cut: ' + data.title}),
    el('button', {id: 'cut-play', text: 'Play the cut', onclick: () => { i = -1; next(); }}), label,
    el('div', {class: 'cut-stage'}, video, slate), list);
  return () => { clearTimeout(timer); video.pause(); };
}
