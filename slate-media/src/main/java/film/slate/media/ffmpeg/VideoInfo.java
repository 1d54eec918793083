package film.slate.media.ffmpeg;

/** What ffprobe measured of a video file's first video stream. */
public record VideoInfo(String codec, String pixelFormat, int width, int height, double fps, long frames,
        double duration) {
}
