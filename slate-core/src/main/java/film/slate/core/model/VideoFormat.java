package film.slate.core.model;

/** Frame rate and picture size of every take of a production. */
public record VideoFormat(int fps, int width, int height) {
    public static final VideoFormat DEFAULT = new VideoFormat(24, 1280, 720);

    public VideoFormat {
        if (fps < 1 || width < 2 || height < 2) {
            throw new IllegalArgumentException("bad format " + fps + " fps " + width + "x" + height);
        }
    }

    /** Frames in {@code seconds}, rounded to the nearest frame. */
    public int frames(double seconds) {
        return (int) Math.round(seconds * fps);
    }
}
