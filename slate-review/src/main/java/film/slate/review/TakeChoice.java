package film.slate.review;

import film.slate.store.db.TakeRecord;
import film.slate.store.db.TakeVersion;
import film.slate.store.db.Takes;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Which rendered take version a note or a verdict is about, from what the reviewer named. */
public final class TakeChoice {
    private TakeChoice() {
    }

    /**
     * The named take (or the shot's only take) at the named version (or its latest).
     *
     * @throws ReviewException when the shot has no such rendered take or version
     */
    public static TakeVersion choose(Takes takes, String shot, Optional<Integer> take, Optional<Integer> version)
            throws ReviewException {
        List<TakeRecord> rendered = takes.ofShot(shot);
        if (rendered.isEmpty()) {
            throw new ReviewException("shot " + shot + " has no rendered take yet; run 'slate build' first");
        }
        TreeSet<Integer> numbers = new TreeSet<>(rendered.stream().map(TakeRecord::take).toList());
        if (take.isEmpty() && numbers.size() > 1) {
            throw new ReviewException("shot " + shot + " has takes " + numbers + "; name one with --take N");
        }
        int t = take.orElse(numbers.first());
        List<TakeRecord> versions = rendered.stream().filter(r -> r.take() == t).toList();
        if (versions.isEmpty()) {
            throw new ReviewException("shot " + shot + " has no rendered take " + t + "; its takes are " + numbers);
        }
        int v = version.orElse(versions.get(versions.size() - 1).version());
        if (versions.stream().noneMatch(r -> r.version() == v)) {
            throw new ReviewException("take " + t + " of shot " + shot + " has no version " + v + "; it has versions 1 to "
                    + versions.get(versions.size() - 1).version());
        }
        return new TakeVersion(shot, t, v);
    }
}
