// Regions on the picture: drawn with the mouse (a rectangle, or a free-hand stroke) and shown
// again, always in image-normalised coordinates (0..1 from the top-left of the picture).

export class RegionPen {
  constructor(overlay, pictureFraction) {
    this.overlay = overlay;
    this.fraction = pictureFraction; // the share of the canvas width the first picture takes (1, or 1/2 side by side)
    this.tool = 'rect';
    this.region = null;
    this.active = false;
    this.points = [];
    overlay.addEventListener('pointerdown', (e) => this.down(e));
    overlay.addEventListener('pointermove', (e) => this.move(e));
    overlay.addEventListener('pointerup', (e) => this.up(e));
  }

  at(e) {
    const r = this.overlay.getBoundingClientRect();
    const clamp = (v) => Math.max(0, Math.min(1, v));
    return [clamp((e.clientX - r.left) / (r.width * this.fraction())), clamp((e.clientY - r.top) / r.height)];
  }

  down(e) {
    if (!this.active) return;
    this.overlay.setPointerCapture(e.pointerId);
    this.points = [this.at(e)];
  }

  move(e) {
    if (!this.active || this.points.length === 0) return;
    if (this.tool === 'stroke') this.points.push(this.at(e));
    else this.points[1] = this.at(e);
    this.region = this.shape();
    this.show([this.region]);
  }

  up(e) {
    if (!this.active || this.points.length === 0) return;
    this.move(e);
    this.points = [];
  }

  shape() {
    if (this.tool === 'stroke') {
      return this.points.length < 2 ? null : {shape: 'stroke', points: this.points.map(([x, y]) => [round(x), round(y)])};
    }
    const [[x0, y0], [x1, y1] = [x0, y0]] = this.points;
    const x = Math.min(x0, x1);
    const y = Math.min(y0, y1);
    const w = Math.abs(x1 - x0);
    const h = Math.abs(y1 - y0);
    return w === 0 || h === 0 ? null : {shape: 'rect', x: round(x), y: round(y), w: round(w), h: round(h)};
  }

  clear() {
    this.region = null;
    this.points = [];
    this.show([]);
  }

  /** Draws regions over the first picture. */
  show(regions) {
    const o = this.overlay;
    o.width = o.clientWidth;
    o.height = o.clientHeight;
    const g = o.getContext('2d');
    g.clearRect(0, 0, o.width, o.height);
    const w = o.width * this.fraction();
    const h = o.height;
    g.strokeStyle = '#ff3b30';
    g.lineWidth = 3;
    for (const r of regions.filter(Boolean)) {
      g.beginPath();
      if (r.shape === 'rect') g.rect(r.x * w, r.y * h, r.w * w, r.h * h);
      else r.points.forEach(([x, y], i) => (i ? g.lineTo(x * w, y * h) : g.moveTo(x * w, y * h)));
      g.stroke();
    }
  }
}

function round(v) {
  return Math.round(v * 10000) / 10000;
}
