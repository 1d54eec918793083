package film.slate.media.ffmpeg;

/**
 * FFmpeg could not be found or started, or it failed: the message says what Slate asked of it and
 * quotes the last lines FFmpeg printed.
 */
public final class FfmpegException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FfmpegException(String message) {
        super(message);
    }

    public FfmpegException(String message, Throwable cause) {
        super(message, cause);
    }
}
