package film.slate.media.footage;

import film.slate.media.ffmpeg.ClipRemux;
import film.slate.media.ffmpeg.ClipTranscoder;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.ffmpeg.VideoInfo;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Brings footage to a format: each output frame {@code i} shows the source frame at the same
 * instant ({@code floor(i * sourceFps / fps)}), holding the last one when the source is short and
 * dropping the rest when it is long; each frame is scaled to cover the frame and centre-cropped
 * (bilinear, in Java, so the same source gives the same master on every machine). Writes an FFV1
 * master and an H.264 proxy in one pass. Three roads, cheapest first: a clip that already is what
 * the take stores (H.264 4:2:0 of the take's size, rate and length) is not encoded at all, its
 * stream is copied into the master and proxy ({@link ClipRemux}: the master is the model's own
 * bytes); a clip of the take's size and rate skips Java, one FFmpeg process writes both outputs
 * ({@link ClipTranscoder}), with the frame-by-frame road's master pixels; anything else goes frame
 * by frame through Java.
 */
public final class Conform {
    private final Ffmpeg ffmpeg;

    public Conform(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** The production format a take is stored at. */
    public record Format(int width, int height, int fps, int frames) {
        public Format {
            if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0 || fps < 1 || frames < 1) {
                throw new IllegalArgumentException("not a take format: " + width + "x" + height + " at " + fps
                        + " fps, " + frames + " frames");
            }
        }
    }

    /**
     * Normalises {@code footage} into {@code targets}.
     *
     * @throws FootageException when the footage cannot be read (not an image, not a video, empty)
     * @throws FfmpegException when FFmpeg fails on frames that were read
     */
    public void conform(Footage footage, Format format, EncodeTargets targets) throws FootageException {
        EncodeTargets rest = targets;
        if (footage instanceof Footage.Clip clip) {
            try {
                Optional<ClipRemux.Copy> copy = ClipRemux.of(ffmpeg, clip.video(), format.width(), format.height(),
                        format.fps(), format.frames());
                if (copy.isPresent()) {
                    Optional<EncodeTargets> left = ClipRemux.write(ffmpeg, copy.get(), targets);
                    if (left.isEmpty()) {
                        return;
                    }
                    rest = left.get();
                }
                if (fitsAlready(clip.video(), format)) {
                    ClipTranscoder.transcode(ffmpeg, clip.video(), format.width(), format.height(), format.fps(),
                            format.frames(), rest);
                    return;
                }
            } catch (FfmpegException e) {
                // The frame-by-frame road below reads the clip again and names what is wrong with it.
            }
        }
        frameByFrame(footage, format, rest);
    }

    /**
     * Whether FFmpeg alone gives what the frame-by-frame road would: a clip already of the take's
     * size and rate maps frame {@code i} to frame {@code i} and is neither scaled nor cropped, so
     * holding the last frame and cutting the rest is all there is to do.
     */
    private boolean fitsAlready(Path clip, Format format) {
        try {
            VideoInfo info = ffmpeg.probeHeader(clip);
            return info.width() == format.width() && info.height() == format.height() && info.fps() == format.fps();
        } catch (FfmpegException e) {
            return false;
        }
    }

    /** Each frame through Java: scaled, cropped and retimed as the class describes. */
    void frameByFrame(Footage footage, Format format, EncodeTargets targets) throws FootageException {
        Source source = footage instanceof Footage.Stills s ? new StillSource(s, format.fps())
                : new ClipSource(ffmpeg, ((Footage.Clip) footage).video());
        try (source) {
            double ratio = source.fps() / format.fps();
            VideoEncoder encoder = VideoEncoder.open(ffmpeg, format.width(), format.height(), format.fps(),
                    PixelFormat.BGR24, targets);
            try {
                for (int i = 0; i < format.frames(); i++) {
                    long want = (long) Math.floor(i * ratio + 1e-9);
                    BufferedImage frame = source.frame(want);
                    encoder.write(fit(frame, format.width(), format.height()));
                }
            } catch (FootageException | RuntimeException e) {
                encoder.abort();
                throw e;
            }
            encoder.close();
        }
    }

    /** Scales {@code src} to cover {@code w x h}, centre-cropped, into a fresh BGR image. */
    static BufferedImage fit(BufferedImage src, int w, int h) {
        BufferedImage out = PixelFormat.BGR24.newImage(w, h);
        Graphics2D g = out.createGraphics();
        try {
            double scale = Math.max((double) w / src.getWidth(), (double) h / src.getHeight());
            double sw = src.getWidth() * scale;
            double sh = src.getHeight() * scale;
            int x = (int) Math.round((w - sw) / 2);
            int y = (int) Math.round((h - sh) / 2);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, x, y, (int) Math.round(sw), (int) Math.round(sh), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Frames by index, read forward; an index past the end gives the last frame. */
    private interface Source extends AutoCloseable {
        double fps();

        BufferedImage frame(long index) throws FootageException;

        @Override
        void close();
    }

    private static final class StillSource implements Source {
        private final List<Path> images;
        private final double fps;
        private int loaded = -1;
        private BufferedImage current;

        StillSource(Footage.Stills s, int productionFps) {
            this.images = s.images();
            this.fps = s.fps().orElse(productionFps);
        }

        @Override
        public double fps() {
            return fps;
        }

        @Override
        public BufferedImage frame(long index) throws FootageException {
            int i = (int) Math.min(index, images.size() - 1);
            if (i != loaded) {
                current = read(images.get(i));
                loaded = i;
            }
            return current;
        }

        private static BufferedImage read(Path p) throws FootageException {
            try {
                BufferedImage img = Files.size(p) == 0 ? null : ImageIO.read(p.toFile());
                if (img == null) {
                    throw new FootageException(p.getFileName() + " is not an image Slate can read (PNG, JPEG, BMP, GIF)");
                }
                return img;
            } catch (IOException e) {
                throw new FootageException(p.getFileName() + " cannot be read as an image (" + e.getMessage() + ")");
            }
        }

        @Override
        public void close() {
        }
    }

    private static final class ClipSource implements Source {
        private final VideoDecoder decoder;
        private final double fps;
        private final Path file;
        private long position = -1;
        private BufferedImage current;
        private boolean ended;

        ClipSource(Ffmpeg ffmpeg, Path file) throws FootageException {
            this.file = file;
            VideoInfo info;
            try {
                info = ffmpeg.probe(file);
                if (info.width() < 1 || info.height() < 1) {
                    throw new FootageException(file.getFileName() + " has no picture");
                }
                this.decoder = VideoDecoder.open(ffmpeg, file, PixelFormat.BGR24);
            } catch (FfmpegException e) {
                throw new FootageException(file.getFileName() + " is not a video Slate can read ("
                        + firstLine(e.getMessage()) + ")");
            }
            this.fps = info.fps() > 0 ? info.fps() : 24;
        }

        @Override
        public double fps() {
            return fps;
        }

        @Override
        public BufferedImage frame(long index) throws FootageException {
            while (position < index && !ended) {
                Optional<BufferedImage> next;
                try {
                    next = decoder.next();
                } catch (FfmpegException e) {
                    throw new FootageException(file.getFileName() + " breaks off while decoding ("
                            + firstLine(e.getMessage()) + ")");
                }
                if (next.isEmpty()) {
                    ended = true;
                } else {
                    current = next.get();
                    position++;
                }
            }
            if (current == null) {
                throw new FootageException(file.getFileName() + " holds no frames");
            }
            return current;
        }

        @Override
        public void close() {
            decoder.close();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
