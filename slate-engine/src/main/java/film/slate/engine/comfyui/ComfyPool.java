package film.slate.engine.comfyui;

import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.remote.BackendTime;
import film.slate.engine.remote.Unreachable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The servers of one ComfyUI backend: which of them run the same thing (the pool's fingerprint),
 * which are resting after a fault, and a slot on the one with the most room. A take that finds
 * every server down waits with backoff for up to {@code restart_wait} (a restart) before failing.
 */
final class ComfyPool {
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(5);

    private final String backend;
    private final ComfyWorkflow workflow;
    private final List<ComfyServer> servers;
    private final Duration restartWait;
    private final BackendTime time;
    private final Object freed = new Object();
    private String version;

    ComfyPool(String backend, ComfyWorkflow workflow, List<ComfyServer> servers, Duration restartWait,
            BackendTime time) {
        this.backend = backend;
        this.workflow = workflow;
        this.servers = List.copyOf(servers);
        this.restartWait = restartWait;
        this.time = time;
    }

    /** The pool's fingerprint: that of the first server to answer. */
    String version() {
        return version;
    }

    int capacity() {
        return Math.max(1, servers.stream().filter(s -> s.excluded == null).mapToInt(s -> s.capacity).sum());
    }

    /**
     * Asks every server for its fingerprint; while none answers, asks again with backoff until
     * {@code restart_wait} has passed.
     */
    void probe() throws GeneratorFault, InterruptedException {
        Instant since = time.now();
        Duration backoff = Duration.ofMillis(250);
        while (true) {
            List<String> faults = probeOnce();
            if (version != null) {
                return;
            }
            boolean down = servers.stream().allMatch(s -> s.excluded == null);
            if (!down || time.passed(since, restartWait)) {
                throw GeneratorFault.permanent("no ComfyUI server answers with its version (" + String.join("; ", faults)
                        + (down ? ", for " + restartWait.toSeconds() + " s" : "")
                        + "); start ComfyUI or fix url in slate.yaml", null);
            }
            time.sleep(backoff);
            backoff = min(backoff.multipliedBy(2), BACKOFF_MAX);
        }
    }

    private List<String> probeOnce() throws InterruptedException {
        List<String> faults = new ArrayList<>();
        for (ComfyServer server : servers) {
            if (server.excluded != null || server.verified) {
                continue;
            }
            try {
                String f = server.fingerprint(workflow);
                server.answered();
                if (version == null) {
                    version = f;
                    server.verified = true;
                } else if (f.equals(version)) {
                    server.verified = true;
                } else {
                    server.excluded = "runs " + f + ", not the pool's " + version;
                }
            } catch (ComfyServer.MissingNodes e) {
                server.excluded = "lacks the node class " + e.getMessage();
                faults.add(server.url + " lacks the node class " + e.getMessage()
                        + " that the workflow uses; install that custom node there");
            } catch (IOException e) {
                server.failed(e.getMessage());
                faults.add(server.url + ": " + e.getMessage());
            }
        }
        return faults;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A server and what it holds of a take's key. */
    record Located(ComfyServer server, ComfyServer.Found found) {
    }

    /**
     * Looks for the key on every server of the pool. A server that refuses connections is skipped
     * (it is down, and a restart empties ComfyUI's queue); one that answers badly may hold the
     * prompt, so nothing is submitted until it can be asked.
     */
    Optional<Located> locate(String key) throws GeneratorFault, InterruptedException {
        for (ComfyServer s : servers) {
            if (s.excluded != null) {
                continue;
            }
            try {
                Optional<ComfyServer.Found> f = s.find(key);
                s.answered();
                if (f.isPresent()) {
                    return Optional.of(new Located(s, f.get()));
                }
            } catch (Unreachable e) {
                s.failed(e.getMessage());
                if (e.ambiguous()) {
                    throw lookupFailed(s, e);
                }
            } catch (IOException e) {
                s.failed(e.getMessage());
                throw lookupFailed(s, e);
            }
        }
        return Optional.empty();
    }

    private static GeneratorFault lookupFailed(ComfyServer s, IOException e) {
        return GeneratorFault.transientFault("cannot tell whether " + s.url + " already holds this take's prompt ("
                + e.getMessage() + "); nothing is submitted until it answers", null);
    }

    /**
     * A slot on a healthy server: the one with the most free slots; waits while all are busy, and
     * while all are down for up to {@code restart_wait}.
     */
    ComfyServer acquire(Cancellation cancellation) throws GeneratorFault, InterruptedException {
        Instant downSince = null;
        while (true) {
            cancellation.check();
            List<ComfyServer> usable = new ArrayList<>();
            for (ComfyServer s : servers) {
                if (s.excluded == null && (!s.resting() || recheck(s))) {
                    usable.add(s);
                }
            }
            if (usable.isEmpty()) {
                downSince = downSince == null ? time.now() : downSince;
                if (time.passed(downSince, restartWait) || servers.stream().allMatch(s -> s.excluded != null)) {
                    throw GeneratorFault.transientFault("no ComfyUI server of backend " + backend + " answers ("
                            + faults() + ")", null);
                }
                time.sleep(min(BACKOFF_MAX, servers.stream().map(ComfyServer::restLeft).min(Duration::compareTo)
                        .orElse(BACKOFF_MAX)));
                continue;
            }
            downSince = null;
            usable.sort(Comparator.comparingInt((ComfyServer s) -> s.slots.availablePermits()).reversed());
            for (ComfyServer s : usable) {
                if (s.slots.tryAcquire()) {
                    return s;
                }
            }
            synchronized (freed) {
                freed.wait(100);
            }
        }
    }

    private String faults() {
        StringBuilder why = new StringBuilder();
        for (ComfyServer s : servers) {
            why.append(why.length() == 0 ? "" : "; ").append(s.url).append(": ")
                    .append(s.excluded != null ? s.excluded : s.lastFault());
        }
        return why.toString();
    }

    void release(ComfyServer s) {
        s.slots.release();
        synchronized (freed) {
            freed.notifyAll();
        }
    }

    /** A rested server asked again: healthy when it answers with the pool's fingerprint. */
    private boolean recheck(ComfyServer s) throws InterruptedException {
        try {
            if (!s.verified) {
                String f = s.fingerprint(workflow);
                if (!f.equals(version)) {
                    s.excluded = "runs " + f + ", not the pool's " + version;
                    return false;
                }
                s.verified = true;
            } else {
                s.systemStats();
            }
            s.answered();
            return true;
        } catch (ComfyServer.MissingNodes e) {
            s.excluded = "lacks the node class " + e.getMessage();
            return false;
        } catch (IOException e) {
            s.failed(e.getMessage());
            return false;
        }
    }
}
