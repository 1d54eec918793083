package film.slate.media.ffmpeg;

/**
 * What every take encoder does alike once its frames are in: counts them, finishes or aborts,
 * through the {@link HeldTake} its frames cross in (of known length or not).
 */
public abstract sealed class TakeEncoder implements AutoCloseable permits VideoEncoder, PassVideoEncoder {
    /** The take the frames cross in: with their times when its length is known, else raw. */
    abstract HeldTake take();

    /** Frames written so far, held ones too. */
    public long frames() {
        return take().written();
    }

    /** Stops FFmpeg and removes the partial outputs; a close after it does nothing. */
    public void abort() {
        take().abort();
    }

    /**
     * Ends the stream, waits for FFmpeg and moves the finished outputs into place (a take of
     * known length only when all its frames were written).
     */
    @Override
    public void close() {
        take().close();
    }
}
