package film.slate.engine.build;

/** Receives build events, from the job threads: implementations must be thread-safe. */
@FunctionalInterface
public interface BuildListener {
    void on(BuildEvent event);

    BuildListener NONE = e -> { };
}
