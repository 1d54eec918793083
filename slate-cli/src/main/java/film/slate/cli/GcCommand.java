package film.slate.cli;

import film.slate.engine.build.GcLease;
import film.slate.store.Actor;
import film.slate.store.ForeignStoreException;
import film.slate.store.LiveObjects;
import film.slate.store.Store;
import film.slate.store.StoreLock;
import film.slate.store.db.Event;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate gc}: removes objects that no take or take receipt names, and leftovers of killed writers. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = {"Remove stored objects that no take references (and temporary files and work folders of killed"
                + " builds).",
            "It refuses (exit code 5) while a build is using the store, and keeps objects written since the database's"
                + " last checkpoint or named by a recent event unless --force is given."})
final class GcCommand implements Callable<Integer> {
    /** Events this recent protect the objects they name. */
    static final Duration RECENT = Duration.ofDays(7);
    private static final Pattern HASH = Pattern.compile("\\b[0-9a-f]{64}\\b");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--force", description = "Also remove unreferenced objects written since the last checkpoint or named"
            + " by a recent event (after a lost database WAL these may be the only copy of finished takes).")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            ProductionFolder.require(dir);
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate gc: " + e.getMessage());
            return e.exitCode();
        }
        try (Store store = Store.open(dir)) {
            Optional<StoreLock.Lease> alone = StoreLock.tryExclusive(store.root());
            if (alone.isEmpty()) {
                spec.commandLine().getErr().println("slate gc: a build is using the store in " + store.root()
                        + "; nothing was removed; run slate gc again when the build has finished");
                return ExitCode.BUSY;
            }
            try {
                // On a farm (PostgreSQL) the file lock reaches only this machine: the database's gc lease covers the rest.
                GcLease.Attempt farm = GcLease.take(store, Actor.current(), FarmTimes.of(dir, store, Rig.of(spec).environment()));
                if (farm.busy().isPresent()) {
                    spec.commandLine().getErr().println("slate gc: " + farm.busy().get() + " is using the store;"
                            + " nothing was removed; run slate gc again when no worker or build is running");
                    return ExitCode.BUSY;
                }
                try {
                    return collect(store, out);
                } finally {
                    farm.lease().ifPresent(GcLease::close);
                }
            } finally {
                alone.get().close();
            }
        } catch (ForeignStoreException e) {
            spec.commandLine().getErr().println("slate gc: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        } catch (IOException e) {
            spec.commandLine().getErr().println("slate gc: " + e.getMessage());
            return ExitCode.IO;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate gc: " + e.getMessage());
            return e.exitCode();
        }
    }

    private int collect(Store store, PrintWriter out) throws IOException {
        // Read before anything else touches the database: the last time it held everything committed.
        Instant checkpoint = store.database().lastCheckpoint().orElse(Instant.EPOCH);
        Set<String> keep = LiveObjects.of(store);
        Set<String> named = recentlyNamed(store, Instant.now().minus(RECENT));
        int removed = 0;
        int kept = 0;
        long bytes = 0;
        for (String hash : store.objects().all()) {
            if (keep.contains(hash)) {
                continue;
            }
            if (!force && (named.contains(hash) || writtenAfter(store, hash, checkpoint))) {
                kept++;
                continue;
            }
            bytes += store.objects().size(hash).orElse(0L);
            removed += store.objects().delete(hash) ? 1 : 0;
        }
        int temp = store.objects().clearTemporary();
        int work = store.work().clearDead(true); // gc holds the store alone: no build is using any of them
        store.events().append(Event.of(Actor.current(), "gc", "objects", null, "{\"removed\":" + removed + ",\"bytes\":"
                + bytes + ",\"protected\":" + kept + ",\"work_folders\":" + work + "}", "slate gc"));
        out.printf("removed %d objects (%d bytes), %d temporary files and %d work folders; kept %d%n", removed, bytes, temp,
                work, keep.size());
        if (kept > 0) {
            spec.commandLine().getErr().println("slate gc: kept " + kept + " unreferenced objects written since the"
                    + " database's last checkpoint or named by a recent event (they may be finished takes whose record"
                    + " was lost); run 'slate verify', and 'slate gc --force' to remove them");
        }
        out.flush();
        return ExitCode.OK;
    }

    private static boolean writtenAfter(Store store, String hash, Instant checkpoint) throws IOException {
        return Files.getLastModifiedTime(store.objects().path(hash)).toInstant().isAfter(checkpoint);
    }

    /** Object names that events since {@code since} mention. */
    private static Set<String> recentlyNamed(Store store, Instant since) {
        Set<String> out = new HashSet<>();
        for (Event e : store.events().read(Optional.empty())) {
            if (e.at() < since.toEpochMilli()) {
                continue;
            }
            Matcher m = HASH.matcher(e.object() + " " + e.details().orElse(""));
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }
}
