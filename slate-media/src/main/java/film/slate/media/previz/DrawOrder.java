package film.slate.media.previz;

import film.slate.core.stage.Vec3;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The order previz paints one frame's faces in, and so what hides what, in the picture, the depth
 * pass and the masks alike. Figures and props go far to near by their centres (painter's order).
 * A set piece is a convex block, and a block and anything that does not cut into it have a plane
 * of the block between them: whatever lies on the camera's side of that plane is painted after the
 * block, the rest before it. Those pairs are hard constraints; distance settles everything else, so
 * a figure behind a bench is hidden by the bench however long the bench is, and a figure in front
 * of it hides it.
 */
final class DrawOrder {
    /** How far a corner may lie inside a plane and still count as outside (a foot resting on a seat). */
    private static final double SLACK = 1e-3;

    private DrawOrder() {
    }

    /** The faces turned to the camera, in painting order: {@code free} faces and the faces of each of {@code blocks}. */
    static List<Face> of(FrameView view, Vec3 eye, List<Face> free, List<List<Face>> blocks) {
        List<Face> faces = new ArrayList<>();
        for (Face f : free) {
            if (view.facesCamera(f)) {
                faces.add(f);
            }
        }
        if (blocks.isEmpty()) { // the plain painter's order of a bare set (each depth worked out once)
            List<Item> items = new ArrayList<>();
            for (Face f : faces) {
                items.add(new Item(List.of(f), List.of(), view.depth(f.centroid()), items.size()));
            }
            items.sort(Comparator.comparingDouble(Item::depth).reversed());
            return items.stream().map(i -> i.faces().get(0)).toList();
        }
        List<Item> items = new ArrayList<>();
        for (Face f : faces) {
            items.add(new Item(List.of(f), List.of(), view.depth(f.centroid()), items.size()));
        }
        for (List<Face> block : blocks) {
            List<Face> seen = block.stream().filter(view::facesCamera).toList();
            if (!seen.isEmpty()) {
                items.add(new Item(seen, block, view.depth(centre(block)), items.size()));
            }
        }
        return paint(items, eye);
    }

    /**
     * One thing to paint: a face, or a block's visible faces ({@code solid} holds all its faces, for
     * its planes); {@code corners} are those the planes are tested against, gathered once.
     */
    private record Item(List<Face> faces, List<Face> solid, double depth, int index, List<Vec3> corners) {
        Item(List<Face> faces, List<Face> solid, double depth, int index) {
            this(faces, solid, depth, index, cornersOf(solid.isEmpty() ? faces : solid));
        }

        boolean block() {
            return !solid.isEmpty();
        }
    }

    /** Kahn's order over the hard constraints, the farthest ready item first; a cycle falls back to distance. */
    private static List<Face> paint(List<Item> items, Vec3 eye) {
        int n = items.size();
        List<List<Integer>> after = new ArrayList<>();
        int[] waiting = new int[n];
        for (int i = 0; i < n; i++) {
            after.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && items.get(i).block() && (j > i || !items.get(j).block())) {
                    int front = inFront(items.get(i), items.get(j), eye);
                    if (front != 0) {
                        int first = front > 0 ? i : j;
                        after.get(first).add(front > 0 ? j : i);
                        waiting[front > 0 ? j : i]++;
                    }
                }
            }
        }
        Comparator<Item> far = Comparator.comparingDouble(Item::depth).reversed().thenComparingInt(Item::index);
        PriorityQueue<Item> ready = new PriorityQueue<>(far);
        List<Item> left = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (waiting[i] == 0 ? ready : left).add(items.get(i));
        }
        boolean[] done = new boolean[n];
        List<Face> out = new ArrayList<>();
        for (int painted = 0; painted < n; ) {
            Item next = ready.isEmpty() ? left.stream().filter(i -> !done[i.index()]).min(far).orElseThrow() : ready.poll();
            if (done[next.index()]) {
                continue;
            }
            done[next.index()] = true;
            painted++;
            left.remove(next);
            out.addAll(next.faces());
            for (int k : after.get(next.index())) {
                if (--waiting[k] == 0 && !done[k]) {
                    ready.add(items.get(k));
                }
            }
        }
        return out;
    }

    /**
     * Whether the block {@code b} is painted before {@code other} (1: other is in front of it),
     * after it (-1), or either (0: no plane of one keeps the other wholly on one side).
     */
    private static int inFront(Item b, Item other, Vec3 eye) {
        int side = split(b.solid(), other.corners(), eye);
        if (side == 0 && other.block()) {
            side = -split(other.solid(), b.corners(), eye);
        }
        return side;
    }

    /** 1 when a plane of {@code solid} has {@code points} and the eye outside it, -1 when it has them outside and the eye in. */
    private static int split(List<Face> solid, List<Vec3> points, Vec3 eye) {
        for (Face plane : solid) {
            Vec3 normal = plane.normal();
            Vec3 on = plane.centroid();
            boolean outside = true;
            for (Vec3 p : points) {
                if (p.minus(on).dot(normal) < -SLACK) {
                    outside = false;
                    break;
                }
            }
            if (outside) {
                return eye.minus(on).dot(normal) > 0 ? 1 : -1;
            }
        }
        return 0;
    }

    private static List<Vec3> cornersOf(List<Face> faces) {
        List<Vec3> out = new ArrayList<>();
        for (Face f : faces) {
            out.addAll(f.corners());
        }
        return out;
    }

    private static Vec3 centre(List<Face> block) {
        Vec3 sum = new Vec3(0, 0, 0);
        for (Face f : block) {
            sum = sum.plus(f.centroid());
        }
        return sum.times(1.0 / block.size());
    }
}
