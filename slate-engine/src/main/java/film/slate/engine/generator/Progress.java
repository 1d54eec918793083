package film.slate.engine.generator;

/** Where a render is: a generator calls it as often as it likes; the engine throttles the display. */
@FunctionalInterface
public interface Progress {
    /** {@code done} of {@code total} units (frames, steps); {@code total} 0 when unknown. */
    void report(long done, long total);

    Progress NONE = (done, total) -> { };
}
