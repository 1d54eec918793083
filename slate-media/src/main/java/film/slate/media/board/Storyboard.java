package film.slate.media.board;

import static film.slate.media.board.Html.esc;
import static film.slate.media.board.Html.num;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.ScriptScene;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.Stills;
import film.slate.media.file.WholeFile;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizShot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The storyboard: {@code index.html} (one page that opens from disk), {@code stills/} (first,
 * middle and last previz frame of every shot, PNG), {@code passes/} (each shot's first-frame masks,
 * every character in their colour, and pose) and {@code animatic.mp4}.
 */
public final class Storyboard {
    public static final String PAGE = "index.html";
    public static final String ANIMATIC = "animatic.mp4";
    public static final String STILLS = "stills";
    /** Each shot's first-frame masks and pose, as a backend binding them gets them. */
    public static final String PASSES = "passes";

    private Storyboard() {
    }

    /** Writes the storyboard of {@code production} into {@code outDir} with the FFmpeg {@link Ffmpeg#find()} finds. */
    public static StoryboardFiles write(Production production, List<Diagnostic> diagnostics, Path outDir) throws IOException {
        return write(production, diagnostics, outDir, Ffmpeg.find(), BuiltTakes.NONE);
    }

    /** As {@link #write(Production, List, Path)}, showing the takes already {@code built} instead of drawing them. */
    public static StoryboardFiles write(Production production, List<Diagnostic> diagnostics, Path outDir, BuiltTakes built)
            throws IOException {
        return write(production, diagnostics, outDir, Ffmpeg.find(), built);
    }

    /**
     * Writes the storyboard: {@code diagnostics} (as {@code slate check} found them) are shown beside
     * the shot they name. Files are written whole and renamed into place.
     */
    public static StoryboardFiles write(Production production, List<Diagnostic> diagnostics, Path outDir, Ffmpeg ffmpeg)
            throws IOException {
        return write(production, diagnostics, outDir, ffmpeg, BuiltTakes.NONE);
    }

    /**
     * Writes the storyboard; a shot whose take 1 is {@code built} gets its stills from that take's
     * master, and when every shot's is, the animatic is those takes' proxies joined in edit order.
     */
    public static StoryboardFiles write(Production production, List<Diagnostic> diagnostics, Path outDir, Ffmpeg ffmpeg,
            BuiltTakes built) throws IOException {
        Files.createDirectories(outDir.resolve(STILLS));
        Files.createDirectories(outDir.resolve(PASSES));
        Previz previz = Previz.of(production);
        List<Path> stills = new ArrayList<>();
        List<Path> passes = new ArrayList<>();
        List<Path> proxies = new ArrayList<>();
        List<Stills.Grab> grabs = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (ScenePlan scene : production.scenes()) {
            Optional<ScriptScene> script = production.screenplay().flatMap(s -> s.scene(scene.scene()));
            body.append("<section class=\"scene\" id=\"scene-").append(esc(scene.scene())).append("\">\n<h2>Scene ")
                    .append(esc(scene.scene())).append(" · ").append(esc(script.map(ScriptScene::heading)
                            .orElse(scene.location() + " - " + scene.time()))).append("</h2>\n");
            body.append("<figure class=\"plan\">").append(new FloorPlan(previz, scene).svg())
                    .append("<figcaption>Floor plan, north up, 1 m grid. Marks at the scene's start; arrows: moves;"
                            + " wedges: each camera's field of view; red: the action line.</figcaption></figure>\n");
            for (Shot shot : scene.shots()) {
                Optional<PrevizShot> p = previz.shot(shot.fullId(), 1);
                if (p.isEmpty()) {
                    continue;
                }
                Optional<BuiltTakes.Built> take = built.take1(shot.fullId());
                take.ifPresent(t -> proxies.add(t.proxy()));
                body.append(card(p.get(), take, production.manifest().format().fps(), script, diagnostics, outDir,
                        stills, passes, grabs));
            }
            body.append("</section>\n");
        }
        Stills.grab(ffmpeg, grabs); // the built takes' stills, a few FFmpeg runs for all of them
        Path animatic = outDir.resolve(ANIMATIC);
        if (!proxies.isEmpty() && proxies.size() == previz.shots().size()) {
            ffmpeg.concat(proxies, animatic); // the takes as built: their slates and timecodes are each take's own
        } else {
            Animatic.write(previz, ffmpeg, animatic);
        }
        Path page = outDir.resolve(PAGE);
        WholeFile.text(page, page(production, body.toString()));
        return new StoryboardFiles(page, animatic, stills, passes);
    }

    private static String card(PrevizShot p, Optional<BuiltTakes.Built> take, double fps, Optional<ScriptScene> script,
            List<Diagnostic> diagnostics, Path outDir, List<Path> stills, List<Path> passes, List<Stills.Grab> grabs)
            throws IOException {
        Shot shot = p.shot();
        StringBuilder b = new StringBuilder("<article class=\"shot\" id=\"shot-" + esc(shot.fullId().replace('/', '-')) + "\">\n");
        b.append("<h3>").append(esc(shot.fullId())).append(" <small>").append(esc(shot.framing().words())).append("</small></h3>\n");
        b.append("<div class=\"frames\">");
        int last = p.frames() - 1;
        String[] names = {"first", "middle", "last"};
        int[] frames = {0, last / 2, last};
        List<Path> outs = new ArrayList<>();
        for (String name : names) {
            outs.add(outDir.resolve(STILLS).resolve(safe(shot.scene() + "-" + shot.id() + "-" + name + ".png")));
        }
        if (take.isPresent()) {
            grabs.add(new Stills.Grab(take.get().master(), fps, frames, outs));
        }
        for (int i = 0; i < 3; i++) {
            Path out = outs.get(i);
            if (take.isEmpty()) {
                WholeFile.png(out, p.picture(frames[i]));
            }
            stills.add(out);
            b.append("<figure><img src=\"").append(STILLS).append('/').append(esc(out.getFileName().toString()))
                    .append("\" alt=\"").append(esc(shot.fullId() + " " + names[i] + " frame")).append("\"><figcaption>")
                    .append(names[i]).append("</figcaption></figure>");
        }
        b.append("</div>\n");
        passes(b, p, outDir, passes);
        b.append("<dl>");
        item(b, "Framing", shot.framing().name() + " (" + shot.framing().words() + ")");
        item(b, "Lens", num(shot.camera().lens()) + " mm");
        item(b, "Move", shot.move().type().word());
        item(b, "Duration", num(shot.duration()) + " s (" + p.frames() + " frames)");
        item(b, "Subjects", String.join(", ", shot.subjects()));
        item(b, "Action", shot.action());
        b.append("</dl>\n");
        List<DialogueBlock> lines = script.map(s -> s.dialogue().stream().filter(d -> shot.lines().contains(d.index())).toList())
                .orElse(List.of());
        if (!lines.isEmpty()) {
            b.append("<div class=\"dialogue\">");
            for (DialogueBlock d : lines) {
                b.append("<p><b>").append(esc(d.character())).append("</b> ").append(esc(d.text())).append("</p>");
            }
            b.append("</div>\n");
        }
        List<Diagnostic> mine = diagnostics.stream().filter(d -> d.shot().filter(shot.fullId()::equals).isPresent()).toList();
        if (!mine.isEmpty()) {
            b.append("<ul class=\"diagnostics\">");
            for (Diagnostic d : mine) {
                b.append("<li class=\"").append(d.severity().word()).append("\"><code>").append(esc(d.rule().id()))
                        .append("</code> ").append(esc(d.message())).append(" <small>").append(esc(d.position().toString()))
                        .append("</small></li>");
            }
            b.append("</ul>\n");
        }
        b.append("</article>\n");
        return b.toString();
    }

    /** The first frame's masks (each character in their colour) and pose, as a backend that binds them gets them. */
    private static void passes(StringBuilder b, PrevizShot p, Path outDir, List<Path> passes) throws IOException {
        Shot shot = p.shot();
        String stem = safe(shot.scene() + "-" + shot.id());
        Path masks = outDir.resolve(PASSES).resolve(stem + "-masks.png");
        Path pose = outDir.resolve(PASSES).resolve(stem + "-pose.png");
        WholeFile.png(masks, p.maskColours(0));
        WholeFile.png(pose, p.pose(0));
        passes.add(masks);
        passes.add(pose);
        StringBuilder legend = new StringBuilder();
        for (String c : p.cast()) {
            legend.append(" <span class=\"who\"><i style=\"background:").append(p.colour(c)).append("\"></i>")
                    .append(esc(c)).append("</span>");
        }
        b.append("<div class=\"frames passes\"><figure><img src=\"").append(PASSES).append('/').append(esc(masks.getFileName()
                .toString())).append("\" alt=\"").append(esc(shot.fullId() + " masks")).append("\"><figcaption>masks (mask.&lt;C&gt;),"
                + " first frame:").append(legend).append("</figcaption></figure><figure><img src=\"").append(PASSES).append('/')
                .append(esc(pose.getFileName().toString())).append("\" alt=\"").append(esc(shot.fullId() + " pose"))
                .append("\"><figcaption>pose (OpenPose COCO-18), first frame</figcaption></figure><figure></figure></div>\n");
    }

    private static void item(StringBuilder b, String term, String value) {
        if (!value.isBlank()) {
            b.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>");
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String page(Production production, String body) {
        String title = esc(production.manifest().title());
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " · storyboard</title>\n"
                + "<style>\n"
                + "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;background:#fff}\n"
                + "h1{margin-bottom:.2rem} .scene{border-top:3px solid #222;margin-top:2rem;page-break-before:always}\n"
                + "figure.plan{margin:1rem 0} .plan text{font:12px sans-serif} .plan .shot{font-weight:bold;fill:#1d4e72}\n"
                + ".shot{border:1px solid #ccc;border-radius:6px;padding:.6rem 1rem;margin:1rem 0;page-break-inside:avoid}\n"
                + ".frames{display:flex;gap:.5rem} .frames figure{margin:0;flex:1} .frames img{width:100%;display:block}\n"
                + ".frames figcaption{font-size:.75rem;color:#666} .passes{margin-top:.4rem}\n"
                + ".who i{display:inline-block;width:.7em;height:.7em;margin:0 .2em 0 .4em;border-radius:2px}\n"
                + ".frames figcaption{font-size:.75rem;color:#666} dl{display:grid;grid-template-columns:8rem 1fr;margin:.5rem 0}\n"
                + "dt{font-weight:bold} dd{margin:0} .dialogue{background:#f6f3ec;padding:.3rem .8rem;border-radius:4px}\n"
                + ".diagnostics li.error{color:#a00} .diagnostics li.warning{color:#a60} .diagnostics li.info{color:#446}\n"
                + "</style></head><body>\n<h1>" + title + "</h1>\n<p>Storyboard: previz of every shot in edit order. "
                + "<a href=\"" + ANIMATIC + "\">Animatic</a>.</p>\n" + body + "</body></html>\n";
    }
}
