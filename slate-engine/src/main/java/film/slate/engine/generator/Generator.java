package film.slate.engine.generator;

/**
 * A generator opened for one backend of slate.yaml. Implementations must be safe to call from
 * several threads at once, up to {@link Capabilities#maxConcurrency()}.
 */
public interface Generator extends AutoCloseable {
    /** The version that goes into every recipe: bump it when the same recipe would give other pictures. */
    String version();

    Capabilities capabilities();

    /**
     * Gets what rendering needs (an executable, a server) before a build schedules its first take,
     * so a backend that cannot render fails the build once with its sentence instead of every take.
     * Opening a generator stays cheap: commands that only compile recipes (status, a dry run) ask
     * for {@link #version()} and {@link #capabilities()} and never for this.
     *
     * @throws GeneratorFault (permanent) when this generator cannot render here, with a sentence that says why
     */
    default void ready() throws GeneratorFault {
    }

    /**
     * Renders a request into {@link RenderRequest#outputDir()}. Blocks until done.
     *
     * @throws GeneratorFault when the render failed; transient faults are retried
     * @throws InterruptedException when the engine gives up on the render (timeout, shutdown)
     */
    RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
            throws GeneratorFault, InterruptedException;

    @Override
    default void close() {
    }
}
