package film.slate.store;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The objects a store must keep: what the takes name (with the frames a frames index names), every
 * take receipt and what it names, the recipe bodies of both and the reference files those recipes name. Garbage collection removes the
 * rest; the receipts are small, and with them the store describes its takes even without its database.
 */
public final class LiveObjects {
    private LiveObjects() {
    }

    public static Set<String> of(Store store) throws IOException {
        Set<String> keep = new HashSet<>(store.takes().referencedObjects());
        for (String recipe : store.takes().renderedRecipes()) {
            keep.add(recipe);
            // The reference files a take's recipe names: what makes the take again after the production moves on.
            store.recipes().get(recipe).ifPresent(r -> r.content().refs().forEach(ref -> ref.sha256().ifPresent(keep::add)));
        }
        keep.addAll(store.fixes().masks()); // a fix's mask makes the fix again on a rebuilt take
        for (TakeReceipt.Found f : TakeReceipt.scan(store.objects())) {
            keep.add(f.object());
            keep.add(f.receipt().recipe());
            keep.addAll(f.receipt().objects());
        }
        for (String hash : List.copyOf(keep)) {
            FramesIndex.frames(store.objects(), hash).ifPresent(keep::addAll);
        }
        return keep;
    }
}
