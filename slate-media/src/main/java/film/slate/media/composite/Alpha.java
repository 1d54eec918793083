package film.slate.media.composite;

/**
 * How much of the backend's pixel each pixel takes, 0 to 255: 0 outside the mask, always, and
 * inside a ramp over {@code feather} pixels from the mask's edge inward (a chamfer distance, in
 * integers, so the same mask gives the same alpha everywhere). The picture's border is no edge: a
 * mask that runs off the frame is not faded there.
 */
public final class Alpha {
    /** Chamfer weights: a step across and a step diagonally (3 and 4 approximate 1 and the square root of 2). */
    private static final int STRAIGHT = 3;
    private static final int DIAGONAL = 4;

    private final int width;
    private final int height;
    private final byte[] alpha;
    private final Mask.Box box;

    private Alpha(int width, int height, byte[] alpha, Mask.Box box) {
        this.width = width;
        this.height = height;
        this.alpha = alpha;
        this.box = box;
    }

    /** The alpha of a non-empty mask feathered inward over {@code feather} pixels. */
    public static Alpha of(Mask mask, int feather) {
        int w = mask.width();
        int h = mask.height();
        Mask.Box box = mask.bounds().orElseThrow(() -> new IllegalArgumentException("the mask is empty"));
        byte[] a = new byte[w * h];
        if (feather == 0) {
            for (int y = box.y(); y < box.y() + box.h(); y++) {
                for (int x = box.x(); x < box.x() + box.w(); x++) {
                    a[y * w + x] = mask.inside(x, y) ? (byte) 255 : 0;
                }
            }
            return new Alpha(w, h, a, box);
        }
        int[] d = distances(mask, box);
        int full = STRAIGHT * (feather + 1);
        for (int y = box.y(); y < box.y() + box.h(); y++) {
            for (int x = box.x(); x < box.x() + box.w(); x++) {
                int dist = d[(y - box.y()) * box.w() + (x - box.x())];
                a[y * w + x] = (byte) (dist >= full ? 255 : 255 * dist / full);
            }
        }
        return new Alpha(w, h, a, box);
    }

    /** Chamfer distance of each pixel of the box to the nearest pixel outside the mask (0 outside). */
    private static int[] distances(Mask mask, Mask.Box b) {
        int far = Integer.MAX_VALUE / 4;
        int[] d = new int[b.w() * b.h()];
        for (int y = 0; y < b.h(); y++) {
            for (int x = 0; x < b.w(); x++) {
                d[y * b.w() + x] = mask.inside(b.x() + x, b.y() + y) ? far : 0;
            }
        }
        for (int y = 0; y < b.h(); y++) {
            for (int x = 0; x < b.w(); x++) {
                int i = y * b.w() + x;
                if (d[i] != 0) {
                    d[i] = Math.min(d[i], Math.min(Math.min(at(mask, b, d, x - 1, y) + STRAIGHT,
                            at(mask, b, d, x, y - 1) + STRAIGHT), Math.min(at(mask, b, d, x - 1, y - 1) + DIAGONAL,
                                    at(mask, b, d, x + 1, y - 1) + DIAGONAL)));
                }
            }
        }
        for (int y = b.h() - 1; y >= 0; y--) {
            for (int x = b.w() - 1; x >= 0; x--) {
                int i = y * b.w() + x;
                if (d[i] != 0) {
                    d[i] = Math.min(d[i], Math.min(Math.min(at(mask, b, d, x + 1, y) + STRAIGHT,
                            at(mask, b, d, x, y + 1) + STRAIGHT), Math.min(at(mask, b, d, x + 1, y + 1) + DIAGONAL,
                                    at(mask, b, d, x - 1, y + 1) + DIAGONAL)));
                }
            }
        }
        return d;
    }

    /**
     * The distance so far at a neighbour: outside the box but inside the picture is outside the
     * mask (0); outside the picture counts as far inside, so the frame's border is no edge.
     */
    private static int at(Mask mask, Mask.Box b, int[] d, int x, int y) {
        int px = b.x() + x;
        int py = b.y() + y;
        if (px < 0 || py < 0 || px >= mask.width() || py >= mask.height()) {
            return Integer.MAX_VALUE / 4;
        }
        if (x < 0 || y < 0 || x >= b.w() || y >= b.h()) {
            return 0;
        }
        return d[y * b.w() + x];
    }

    /** The alpha of pixel {@code (x, y)}, 0 to 255. */
    public int at(int x, int y) {
        return alpha[y * width + x] & 255;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The mask's bounds: no pixel outside has an alpha above 0. */
    public Mask.Box box() {
        return box;
    }
}
