package film.slate.review;

import film.slate.core.recipe.Sha256;
import film.slate.engine.build.TakeState;
import film.slate.engine.fix.FixRefused;
import film.slate.engine.fix.Lineage;
import film.slate.engine.fix.LineageJson;
import film.slate.engine.fix.VersionDiff;
import film.slate.media.composite.ChangedPixels;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.store.db.TakeRecord;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The version tree and the diff view of the shot page (issue 14 §2): {@code GET /api/tree?shot=}
 * is {@code slate history --format json}'s tree ({@link LineageJson}); {@code GET /api/diff?shot=&take=&a=&b=}
 * is {@code slate diff --format json}'s comparison ({@link VersionDiff}); {@code GET /api/diff/picture?...&frame=}
 * is frame {@code frame} of version b with the pixels that differ from a tinted, as a PNG. Both
 * versions' masters are hashed before they are first decoded, so a damaged object is refused (409),
 * never shown as a difference.
 */
final class VersionRoutes {
    private final Room room;
    private final VerifiedObjects sound;

    VersionRoutes(Room room) {
        this.room = room;
        this.sound = new VerifiedObjects(room.store().objects());
    }

    void tree(Context ctx) {
        String shot = shot(ctx);
        Map<Integer, String> current = new HashMap<>();
        for (TakeState t : room.status().get().getOrDefault(shot, List.of())) {
            current.put(t.take(), t.recipe());
        }
        json(ctx, LineageJson.of(Lineage.of(room.store(), shot, current)).toString());
    }

    void diff(Context ctx) throws ReviewException, IOException {
        String shot = shot(ctx);
        int take = number(ctx, "take", 1);
        TakeRecord a = version(shot, take, number(ctx, "a", -1));
        TakeRecord b = version(shot, take, number(ctx, "b", -1));
        try {
            verify(a);
            verify(b);
            json(ctx, VersionDiff.of(room.store(), Ffmpeg.find(), a, b).json(shot, take).toString());
        } catch (FixRefused e) {
            throw new Refusal(e.exitCode() == FixRefused.CANNOT_RUN ? 400 : 503, e.getMessage());
        } catch (FfmpegException e) {
            throw new Refusal(503, "cannot compare the pictures of " + shot + " (" + e.getMessage() + ")");
        }
    }

    void picture(Context ctx) throws ReviewException, IOException {
        String shot = shot(ctx);
        int take = number(ctx, "take", 1);
        TakeRecord a = version(shot, take, number(ctx, "a", -1));
        TakeRecord b = version(shot, take, number(ctx, "b", -1));
        int frame = number(ctx, "frame", 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(ChangedPixels.of(Ffmpeg.find(), verify(a), verify(b), frame), "png", png);
        } catch (FixRefused e) {
            throw new Refusal(400, e.getMessage());
        } catch (FfmpegException e) {
            throw new Refusal(503, "cannot compare the pictures of " + shot + " (" + e.getMessage() + ")");
        }
        byte[] bytes = png.toByteArray();
        ctx.header("ETag", "\"" + Sha256.hex(bytes) + "\"");
        ctx.header("Cache-Control", "private, max-age=31536000, immutable"); // both masters are named by their hashes
        ctx.contentType("image/png").result(bytes);
    }

    /** The version's master file, its bytes hashed once to check they still match their name. */
    private java.nio.file.Path verify(TakeRecord t) throws FixRefused, IOException {
        String hash = VersionDiff.master(t);
        if (!room.store().objects().has(hash)) {
            throw new Refusal(404, "the master of " + t.label() + " v" + t.version() + " is not in the store; run"
                    + " 'slate build' again");
        }
        return sound.sound(hash);
    }

    private String shot(Context ctx) {
        String id = Optional.ofNullable(ctx.queryParam("shot")).orElse("");
        if (room.production().shots().stream().noneMatch(s -> s.fullId().equals(id))) {
            throw new Refusal(404, "there is no shot " + id);
        }
        return id;
    }

    private TakeRecord version(String shot, int take, int version) {
        return room.store().takes().ofShot(shot).stream().filter(t -> t.take() == take && t.version() == version)
                .findFirst().orElseThrow(() -> new Refusal(404, shot + " take " + take + " has no version " + version));
    }

    /** A whole number from 0 in the query, or {@code fallback} when absent (-1: required). */
    private static int number(Context ctx, String name, int fallback) throws ReviewException {
        String v = ctx.queryParam(name);
        if (v == null && fallback >= 0) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v == null ? "" : v.startsWith("v") ? v.substring(1) : v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ReviewException(name + " must be a whole number from 0");
    }

    private static void json(Context ctx, String body) {
        ctx.contentType("application/json").result(body);
    }
}
