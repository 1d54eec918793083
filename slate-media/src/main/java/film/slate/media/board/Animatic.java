package film.slate.media.board;

import film.slate.core.model.Shot;
import film.slate.core.model.VideoFormat;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.previz.BurnIn;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizShot;
import java.nio.file.Path;

/**
 * Every shot in edit order at its duration, take 1, with the slate burnt in and the timecode
 * running on across cuts: one H.264 MP4 a standard player plays. Drawn in one stream, so there is
 * nothing to concatenate.
 */
public final class Animatic {
    private Animatic() {
    }

    /** Writes the animatic of {@code previz} to {@code mp4}; returns its frame count. */
    public static long write(Previz previz, Ffmpeg ffmpeg, Path mp4) {
        VideoFormat f = previz.production().manifest().format();
        long record = 0;
        try (VideoEncoder out = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.BGR24,
                EncodeTargets.proxyOnly(mp4))) {
            for (Shot s : previz.shots()) {
                PrevizShot shot = previz.shot(s.fullId(), 1).orElseThrow();
                BurnIn burnIn = new BurnIn(record);
                for (int i = 0; i < shot.frames(); i++) {
                    out.write(shot.picture(i, burnIn));
                }
                record += shot.frames();
            }
            if (record == 0) {
                // A production with no shots yet still gets a playable second of slate.
                for (int i = 0; i < f.fps(); i++) {
                    out.write(new java.awt.image.BufferedImage(f.width(), f.height(), PixelFormat.BGR24.imageType()));
                }
                record = f.fps();
            }
        }
        return record;
    }
}
