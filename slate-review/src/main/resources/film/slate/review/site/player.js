// A frame-exact player on H.264 proxies. <video> alone shows "some frame near" a time; here every
// frame shown is asked for by number: the video is seeked to the middle of frame n (n + 1/2 frame
// durations), far from both frame edges, and the canvas is drawn only once frame n is really the
// video's picture: requestVideoFrameCallback reports each frame the video presents with its
// mediaTime, and the player waits until that time lies inside frame n. 'seeked' alone is not
// enough: under load Chromium fires it before the new frame reaches the compositor, and the canvas
// got the previous frame. So the frame number and timecode the page reports are the frame on the canvas.

/** Half a millisecond: far below a frame, far above the rounding of a frame's timestamp. */
const EDGE = 0.0005;

export function timecode(frame, num, den) {
  const nominal = Math.max(1, Math.round(num / den));
  const pad = (x) => String(x).padStart(2, '0');
  const s = Math.floor(frame / nominal);
  return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60, frame % nominal].map(pad).join(':');
}

export class Player {
  constructor(canvas, fpsNum, fpsDen, frames, onFrame) {
    this.canvas = canvas;
    this.num = fpsNum;
    this.den = fpsDen;
    this.frames = frames;
    this.onFrame = onFrame;
    this.frame = 0;
    this.target = 0; // the last frame asked for: steps count from it, not from the frame still landing
    this.videos = [];
    this.wipe = null; // 0..1 when comparing with a wipe
    this.loop = null; // [in, out] frames
    this.timer = null;
    this.queue = Promise.resolve();
  }

  /** Loads one or two proxies (the second to compare); resolves when frame 0 is on the canvas. */
  async load(...sources) {
    this.stop();
    this.videos = await Promise.all(sources.map((src) => new Promise((resolve, reject) => {
      const v = document.createElement('video');
      v.muted = true;
      v.preload = 'auto';
      v.playsInline = true;
      v.addEventListener('loadeddata', () => resolve(watch(v)), {once: true});
      v.addEventListener('error', () => reject(new Error('cannot play ' + src)), {once: true});
      v.src = src;
    })));
    const first = this.videos[0];
    this.canvas.width = first.videoWidth;
    this.canvas.height = (this.videos.length === 2 && this.wipe === null) ? first.videoHeight : first.videoHeight;
    if (this.videos.length === 2 && this.wipe === null) this.canvas.width = first.videoWidth * 2;
    return this.seek(Math.min(this.frame, this.frames - 1));
  }

  /** Shows frame n exactly; calls queue so that steps never overtake each other. */
  seek(n) {
    const frame = Math.max(0, Math.min(this.frames - 1, n));
    this.target = frame;
    this.queue = this.queue.then(() => this.show(frame));
    return this.queue;
  }

  step(delta) {
    return this.seek(this.target + delta);
  }

  async show(frame) {
    await Promise.all(this.videos.map((v) => this.present(v, frame)));
    this.frame = frame;
    this.draw();
    this.onFrame(frame);
  }

  /** Resolves once video v presents frame n: seeked there, and its presented frame's time inside frame n. */
  async present(v, n) {
    const from = n * this.den / this.num;
    const to = (n + 1) * this.den / this.num;
    const shows = () => v.presented !== null && v.presented > from - EDGE && v.presented < to - EDGE;
    if (!v.seeking && shows()) return; // frame n is the picture already
    await new Promise((resolve) => {
      v.addEventListener('seeked', resolve, {once: true});
      v.currentTime = (n + 0.5) * this.den / this.num;
    });
    if (!v.watched) return; // a browser without requestVideoFrameCallback: 'seeked' is all it tells
    while (v.seeking || !shows()) await new Promise((resolve) => v.waiting.push(resolve));
  }

  draw() {
    const g = this.canvas.getContext('2d');
    const [a, b] = this.videos;
    if (!a) return;
    const w = a.videoWidth;
    const h = a.videoHeight;
    if (b && this.wipe !== null) {
      g.drawImage(a, 0, 0, w, h);
      const x = Math.round(w * this.wipe);
      g.drawImage(b, x, 0, w - x, h, x, 0, w - x, h);
      g.fillStyle = '#fff';
      g.fillRect(x - 1, 0, 2, h);
    } else {
      g.drawImage(a, 0, 0, w, h);
      if (b) g.drawImage(b, w, 0, w, h);
    }
  }

  /** Plays forward frame by frame at the take's rate (each frame still asked for exactly), looping a range if set. */
  play() {
    if (this.timer) return;
    const tick = async () => {
      let next = this.frame + 1;
      const [from, to] = this.loop || [0, this.frames - 1];
      if (next > to || next >= this.frames) {
        if (!this.loop) { this.stop(); return; }
        next = from;
      }
      await this.seek(next);
      if (this.timer) this.timer = setTimeout(tick, 1000 * this.den / this.num);
    };
    this.timer = setTimeout(tick, 0);
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = null;
  }

  get playing() {
    return this.timer !== null;
  }
}

/**
 * Follows the frames video v presents: v.presented is the media time of the frame on its picture
 * (null before the first), and v.waiting the resolvers to call when another frame is presented.
 */
function watch(v) {
  v.presented = null;
  v.waiting = [];
  v.watched = typeof v.requestVideoFrameCallback === 'function';
  if (v.watched) {
    const presented = (now, meta) => {
      v.presented = meta.mediaTime;
      v.waiting.splice(0).forEach((resolve) => resolve());
      v.requestVideoFrameCallback(presented);
    };
    v.requestVideoFrameCallback(presented);
  }
  return v;
}
