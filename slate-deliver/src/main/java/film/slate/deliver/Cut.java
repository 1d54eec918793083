package film.slate.deliver;

import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.model.VideoFormat;
import film.slate.core.recipe.FixRecipe;
import film.slate.store.FixChain;
import film.slate.store.Store;
import film.slate.store.db.DecisionRecord;
import film.slate.store.db.Decisions;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.TakeVersion;
import film.slate.store.db.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The cut to deliver: the selected shots in edit order (screenplay scene order, then shot order),
 * each at its planned length in frames, showing its approved take version, or in a rough cut the
 * latest rendered one, by take then version (a gap when there is none).
 */
public record Cut(String title, VideoFormat format, List<CutClip> clips, boolean rough) {
    public Cut {
        clips = List.copyOf(clips);
    }

    /** Frames of the whole cut. */
    public long frames() {
        return clips.stream().mapToLong(CutClip::frames).sum();
    }

    /**
     * The cut of {@code production} from what {@code store} records.
     *
     * @throws DeliveryException when no selected shot is approved (and it is not a rough cut), or a
     *     selected shot has no approved take (the sentence names them and how to go on)
     */
    public static Cut of(Production production, Store store, Predicate<Shot> selected, boolean rough)
            throws DeliveryException {
        VideoFormat format = production.manifest().format();
        Decisions decisions = new Decisions(store.database());
        Map<String, TakeVersion> approvals = decisions.approvals();
        List<DecisionRecord> history = decisions.history(Optional.empty());
        List<CutClip> clips = new ArrayList<>();
        List<String> unapproved = new ArrayList<>();
        long at = 0;
        for (Shot shot : production.shots().stream().filter(selected).toList()) {
            List<TakeRecord> takes = store.takes().ofShot(shot.fullId());
            Optional<TakeVersion> approved = Optional.ofNullable(approvals.get(shot.fullId()));
            Optional<TakeRecord> take = approved.flatMap(v -> takes.stream()
                    .filter(t -> t.take() == v.take() && t.version() == v.version()).findFirst());
            Optional<DecisionRecord> approval = approved.flatMap(v -> history.stream()
                    .filter(d -> d.take().equals(v) && d.verdict() == Verdict.APPROVED).reduce((a, b) -> b));
            if (take.isEmpty()) {
                unapproved.add(shot.fullId());
                approval = Optional.empty();
                take = takes.stream().filter(TakeRecord::rendered).max(Comparator.comparingInt(TakeRecord::take)
                        .thenComparingInt(TakeRecord::version));
            }
            int frames = format.frames(shot.duration());
            List<FixRecipe> fixes = take.map(t -> FixChain.fixes(store, t.recipe())).orElse(List.of());
            Optional<TakeRecord> parent = fixes.isEmpty() ? Optional.empty() : parent(takes, take.get(), fixes);
            clips.add(new CutClip(shot, take, approval, frames, at, fixes, parent));
            at += frames;
        }
        if (clips.isEmpty()) {
            throw new DeliveryException(DeliveryException.Kind.CANNOT_RUN, "no shot of " + production.root()
                    + " is selected; name shots that exist with --shots");
        }
        if (!rough && unapproved.size() == clips.size()) {
            throw new DeliveryException(DeliveryException.Kind.CANNOT_RUN, "nothing is approved in " + production.root()
                    + "; approve takes with 'slate approve SHOT --take N', or make a rough cut with --allow-unapproved");
        }
        if (!rough && !unapproved.isEmpty()) {
            throw new DeliveryException(DeliveryException.Kind.CANNOT_RUN, unapproved.size() + " shots have no approved"
                    + " take (" + String.join(", ", unapproved.subList(0, Math.min(5, unapproved.size())))
                    + (unapproved.size() > 5 ? ", ..." : "") + "); approve them with 'slate approve', leave them out with"
                    + " --shots, or make a rough cut with --allow-unapproved");
        }
        return new Cut(production.manifest().title(), format, clips, rough);
    }

    /** The version of the same take that the last fix was made on (the latest such, should it be rendered twice). */
    private static Optional<TakeRecord> parent(List<TakeRecord> takes, TakeRecord version, List<FixRecipe> fixes) {
        String parent = fixes.get(fixes.size() - 1).parent();
        return takes.stream().filter(t -> t.take() == version.take() && t.recipe().equals(parent))
                .max(Comparator.comparingInt(TakeRecord::version));
    }
}
