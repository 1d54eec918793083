/**
 * FFmpeg run as a separate process (a codec crash stays out of the JVM): the executable that the
 * {@code org.bytedeco:ffmpeg} jar ships, or a system one the user names. Frames stream in and out
 * through pipes as raw video, never as temporary image files. {@link film.slate.media.ffmpeg.VideoEncoder}
 * writes a lossless FFV1 master and an H.264 proxy from one frame stream, {@link film.slate.media.ffmpeg.ClipRemux}
 * stores a model's clip that needs no conversion as it came (stream copy),
 * {@link film.slate.media.ffmpeg.VideoDecoder} reads frames back, {@link film.slate.media.ffmpeg.Ffmpeg#probe}
 * measures a file and {@link film.slate.media.ffmpeg.Ffmpeg#concat} joins clips. Every failure is an
 * {@link film.slate.media.ffmpeg.FfmpegException} that quotes FFmpeg's own message.
 */
package film.slate.media.ffmpeg;
