package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.recipe.Sha256;
import film.slate.core.testing.SyntheticProduction;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** slate conform on a built synthetic production (12 fps, 64x36, one scene of three shots, two takes each). */
class ConformCommandTest extends ConformFixture {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SHOTS = List.of("1/1S1", "1/1S2", "1/1S3");


    static final String CLEARED = """
            likeness:
              MARA: { holder: Mara Performer, consent: signed, uses: [personal, festival] }
            refs:
              bible/refs/mara.png: { licence: owned }
              bible/refs/room.png: { licence: owned }
            """;

    /** slate with the real previz backend (not the test pattern), whose masters are FFV1 Matroska. */
    static Slate.Run real(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        return new Slate.Run(code, out.toString(), err.toString());
    }

    @Test
    void theApprovedCutInEveryFormatIsFrameExactAndDeterministic() throws Exception {
        approve("1/1S1", 2);
        approve("1/1S2", 1);
        approve("1/1S3", 2);
        Path out = tmp.resolve("delivery");
        Slate.Run run = conform("--out", out.toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.path("clips").asInt()).isEqualTo(3);
        assertThat(out.resolve("media/1_1S1_t2_v1.mkv")).isRegularFile();
        assertThat(out.resolve("media/1_1S2_t1_v1.mkv")).isRegularFile();
        assertThat(out.resolve("media/1_1S3_t2_v1_proxy.mp4")).isRegularFile();

        List<Integer> frames = otioFrames(out.resolve("cut.otio"));
        long total = frames.stream().mapToLong(Integer::longValue).sum();
        assertThat(result.path("frames").asLong()).isEqualTo(total);
        assertEdlAddsUp(Files.readString(out.resolve("cut.edl")), frames);
        assertThat(DeliveryValidation.assertCmx3600(Files.readString(out.resolve("cut.edl")), 12))
                .containsExactlyElementsOf(frames.stream().map(Integer::longValue).toList());
        assertFcpxml(out.resolve("cut.fcpxml"), frames);
        assertThat(DeliveryValidation.fcpxmlViolations(out.resolve("cut.fcpxml"))).isEmpty();
        Path broken = tmp.resolve("broken.fcpxml"); // the DTD check can fail: a clip's timecode format misspelt
        Files.writeString(broken, Files.readString(out.resolve("cut.fcpxml")).replaceFirst("tcFormat=\"NDF\" ?>\n +<note>",
                "tcFormat=\"NTSC\">\n<note>"));
        assertThat(DeliveryValidation.fcpxmlViolations(broken)).anyMatch(v -> v.contains("NTSC"));
        DeliveryValidation.assertOtioSchema(JSON.readTree(out.resolve("cut.otio").toFile()));
        assertManifest(out);
        assertPictureMatchesMasters(out, List.of("1_1S1_t2_v1", "1_1S2_t1_v1", "1_1S3_t2_v1"), frames);

        JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
        JsonNode first = provenance.path("clips").get(0);
        assertThat(first.path("shot").asText()).isEqualTo("1/1S1");
        assertThat(first.path("take").asInt()).isEqualTo(2);
        assertThat(first.path("generator").path("backend").asText()).isEqualTo("main");
        assertThat(first.path("generator").path("type").asText()).isEqualTo("previz");
        assertThat(first.path("seed").isNumber() || first.path("seed").isTextual()).isTrue();
        assertThat(first.path("prompt").asText()).contains("Beat 1 of scene 1");
        assertThat(first.path("references").findValuesAsText("path")).contains("bible/refs/mara.png");
        // previz binds no reference: its recipe names them by path, and no content of theirs made the clip
        assertThat(first.path("references").get(0).path("sha256").isNull()).isTrue();
        assertThat(first.path("approval").path("by").asText()).isEqualTo("mara");
        assertThat(first.path("approval").path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        // Conforming again gives the same bytes in every file: the formats, the signed MP4s, the sidecars.
        Path again = tmp.resolve("again");
        assertThat(conform("--out", again.toString()).code()).isZero();
        List<String> files;
        try (var walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
        }
        assertThat(files).contains("cut.otio", "cut.edl", "cut.fcpxml", "cut.mp4", "provenance.json", "manifest.json",
                "media/1_1S1_t2_v1.c2pa");
        for (String f : files) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(out.resolve(f)));
        }
    }

    List<Integer> otioFrames(Path otio) throws Exception {
        JsonNode t = JSON.readTree(otio.toFile());
        assertThat(t.path("OTIO_SCHEMA").asText()).isEqualTo("Timeline.1");
        JsonNode stack = t.path("tracks");
        assertThat(stack.path("OTIO_SCHEMA").asText()).isEqualTo("Stack.1");
        JsonNode track = stack.path("children").get(0);
        assertThat(track.path("OTIO_SCHEMA").asText()).isEqualTo("Track.1");
        assertThat(track.path("kind").asText()).isEqualTo("Video");
        List<Integer> frames = new ArrayList<>();
        for (JsonNode clip : track.path("children")) {
            assertThat(clip.path("OTIO_SCHEMA").asText()).isEqualTo("Clip.2");
            assertThat(clip.path("active_media_reference_key").asText()).isEqualTo("DEFAULT_MEDIA");
            JsonNode ref = clip.path("media_references").path("DEFAULT_MEDIA");
            assertThat(ref.path("OTIO_SCHEMA").asText()).isEqualTo("ExternalReference.1");
            String url = ref.path("target_url").asText();
            assertThat(url).startsWith("media/").endsWith(".mkv");
            assertThat(otio.resolveSibling(url)).isRegularFile();
            assertThat(clip.path("media_references").path("proxy").path("target_url").asText()).endsWith("_proxy.mp4");
            JsonNode range = clip.path("source_range");
            assertThat(range.path("OTIO_SCHEMA").asText()).isEqualTo("TimeRange.1");
            assertThat(range.path("duration").path("OTIO_SCHEMA").asText()).isEqualTo("RationalTime.1");
            assertThat(range.path("duration").path("rate").asDouble()).isEqualTo(12.0);
            JsonNode slate = clip.path("metadata").path("slate");
            assertThat(slate.path("shot").asText()).isEqualTo(SHOTS.get(frames.size()));
            assertThat(slate.path("recipe").asText()).hasSize(64);
            assertThat(slate.path("master").asText()).hasSize(64);
            frames.add(range.path("duration").path("value").asInt());
        }
        assertThat(frames).hasSize(3).allMatch(f -> f > 0);
        return frames;
    }

    static final Pattern EVENT = Pattern.compile("^(\\d{3})  (\\S+)\\s+V\\s+C\\s+(\\S+) (\\S+) (\\S+) (\\S+)$");

    static void assertEdlAddsUp(String edl, List<Integer> frames) {
        String[] lines = edl.split("\n");
        assertThat(lines[0]).startsWith("TITLE: ");
        assertThat(lines[1]).isEqualTo("FCM: NON-DROP FRAME");
        long record = 3600L * 12;
        int event = 0;
        for (int i = 2; i < lines.length; i++) {
            Matcher m = EVENT.matcher(lines[i]);
            if (!m.matches()) {
                assertThat(lines[i]).matches("(\\* .*)?");
                continue;
            }
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(event + 1);
            long srcIn = frame(m.group(3));
            long srcOut = frame(m.group(4));
            assertThat(frame(m.group(5))).isEqualTo(record);
            assertThat(srcOut - srcIn).isEqualTo((long) frames.get(event));
            record += frames.get(event);
            assertThat(frame(m.group(6))).isEqualTo(record);
            assertThat(lines[i + 1]).startsWith("* FROM CLIP NAME: 1_1S");
            assertThat(lines[i + 2]).isEqualTo("* SHOT: " + SHOTS.get(event));
            event++;
        }
        assertThat(event).isEqualTo(frames.size());
    }

    static long frame(String tc) {
        String[] p = tc.split(":");
        return ((Long.parseLong(p[0]) * 60 + Long.parseLong(p[1])) * 60 + Long.parseLong(p[2])) * 12 + Long.parseLong(p[3]);
    }

    static void assertFcpxml(Path file, List<Integer> frames) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("fcpxml");
        assertThat(Double.parseDouble(root.getAttribute("version"))).isGreaterThanOrEqualTo(1.10);
        NodeList clips = doc.getElementsByTagName("asset-clip");
        assertThat(clips.getLength()).isEqualTo(frames.size());
        long offset = 3600L * 12;
        for (int i = 0; i < clips.getLength(); i++) {
            Element c = (Element) clips.item(i);
            assertThat(c.getAttribute("offset")).isEqualTo(offset + "/12s");
            assertThat(c.getAttribute("duration")).isEqualTo(frames.get(i) + "/12s");
            Element asset = (Element) doc.getElementsByTagName("asset").item(i);
            assertThat(asset.getAttribute("id")).isEqualTo(c.getAttribute("ref"));
            String src = ((Element) asset.getElementsByTagName("media-rep").item(0)).getAttribute("src");
            assertThat(file.resolveSibling(src)).isRegularFile();
            offset += frames.get(i);
        }
        Element sequence = (Element) doc.getElementsByTagName("sequence").item(0);
        assertThat(sequence.getAttribute("duration")).isEqualTo(frames.stream().mapToInt(Integer::intValue).sum() + "/12s");
    }

    static void assertManifest(Path out) throws Exception {
        JsonNode m = JSON.readTree(out.resolve("manifest.json").toFile());
        List<String> listed = new ArrayList<>();
        for (JsonNode f : m.path("files")) {
            listed.add(f.path("path").asText());
            assertThat(f.path("sha256").asText()).isEqualTo(Sha256.file(out.resolve(f.path("path").asText())));
        }
        try (var walk = Files.walk(out)) {
            List<String> present = walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
                    .filter(p -> !p.equals("manifest.json")).sorted().toList();
            assertThat(listed).isEqualTo(present);
        }
    }

    static void assertPictureMatchesMasters(Path out, List<String> names, List<Integer> frames) {
        Ffmpeg ffmpeg = Ffmpeg.find();
        assertThat(ffmpeg.probe(out.resolve("cut.mp4")).frames()).isEqualTo(frames.stream().mapToLong(Integer::longValue).sum());
        List<BufferedImage> cut = VideoDecoder.readAll(ffmpeg, out.resolve("cut.mp4"), PixelFormat.BGR24);
        int k = 0;
        for (int i = 0; i < names.size(); i++) {
            List<BufferedImage> master = VideoDecoder.readAll(ffmpeg, out.resolve("media/" + names.get(i) + ".mkv"),
                    PixelFormat.BGR24);
            for (int j = 0; j < frames.get(i); j++, k++) {
                BufferedImage expected = master.get(Math.min(j, master.size() - 1));
                assertThat(psnr(expected, cut.get(k))).as("frame " + k + " (" + names.get(i) + " frame " + j + ")")
                        .isGreaterThanOrEqualTo(40.0);
            }
        }
        assertThat(cut).hasSize(k);
    }

    /** Luma PSNR (BT.601 Y), the usual measure of a video codec's fidelity: 4:2:0 chroma is not the codec's loss. */
    static double psnr(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        double sum = 0;
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                double d = luma(a.getRGB(x, y)) - luma(b.getRGB(x, y));
                sum += d * d;
                n++;
            }
        }
        double mse = sum / n;
        return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
    }

    @Test
    void aRoughCutMarksUnapprovedClipsAndAFullCutRefusesThem() throws Exception {
        approve("1/1S2", 1);
        Path yaml = dir.resolve("slate.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("use: personal", "use: personal, prompts: private"));
        Path out = tmp.resolve("cut");
        Slate.Run refused = conform("--out", out.toString());
        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(refused.err()).contains("2 shots have no approved take (1/1S1, 1/1S3)").contains("--allow-unapproved");
        assertThat(out).doesNotExist();

        Slate.Run rough = conform("--out", out.toString(), "--allow-unapproved", "--format", "otio,edl,fcpxml");
        assertThat(rough.code()).as(rough.err()).isZero();
        assertThat(rough.out()).contains("rough cut of 3 shots").contains("(2 unapproved)");
        assertThat(out.resolve("cut.mp4")).doesNotExist();
        JsonNode clips = JSON.readTree(out.resolve("cut.otio").toFile()).path("tracks").path("children").get(0)
                .path("children");
        assertThat(clips.get(0).path("metadata").path("slate").path("approved").asBoolean()).isFalse();
        assertThat(clips.get(0).path("metadata").path("slate").path("take").asInt()).isEqualTo(2); // the latest
        assertThat(clips.get(1).path("metadata").path("slate").path("approved").asBoolean()).isTrue();
        String edl = Files.readString(out.resolve("cut.edl"));
        assertThat(edl.split("\\* SLATE: UNAPPROVED", -1)).hasSize(3);
        JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
        assertThat(provenance.path("prompts").asText()).isEqualTo("private");
        assertThat(provenance.path("clips").findValuesAsText("prompt")).containsOnly("(private)");
        assertThat(provenance.path("clips").get(0).has("approval")).isFalse();
        assertThat(provenance.path("clips").get(0).path("status").asText()).isEqualTo("unapproved");
        assertThat(Files.readString(out.resolve("cut.fcpxml")).split("value=\"unapproved\"", -1)).hasSize(3);
        assertThat(DeliveryValidation.fcpxmlViolations(out.resolve("cut.fcpxml"))).isEmpty();
        DeliveryValidation.assertOtioSchema(JSON.readTree(out.resolve("cut.otio").toFile()));
        DeliveryValidation.assertCmx3600(edl, 12);
    }

    @Test
    void rightsBlockTheClipsThatLackThemEvenInARoughCut() throws Exception {
        approve("1/1S1", 1);
        approve("1/1S2", 1);
        approve("1/1S3", 1);
        Files.writeString(dir.resolve("rights.yaml"), CLEARED.replace("personal, festival", "festival")
                .replace("  bible/refs/room.png: { licence: owned }\n", ""));
        Path out = tmp.resolve("cut");
        for (String[] extra : List.of(new String[0], new String[] {"--allow-unapproved"})) {
            List<String> args = new ArrayList<>(List.of("--out", out.toString()));
            args.addAll(List.of(extra));
            Slate.Run run = conform(args.toArray(String[]::new));
            assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.INVALID_PRODUCTION);
            String[] lines = run.err().split("\n");
            assertThat(lines[0]).contains("3 clips may not be delivered for personal use").contains("nothing was delivered");
            // MARA's consent (rights.yaml line 2) misses personal use in the two shots that show her;
            // the lamp room's reference has no licence in all three, named where it is declared.
            assertThat(run.err()).contains("1/1S1: rights/likeness at rights.yaml:2")
                    .contains("1/1S2: rights/likeness at rights.yaml:2").doesNotContain("1/1S3: rights/likeness")
                    .contains("1/1S3: rights/ref-licence at bible/locations.yaml:")
                    .contains("add a signed consent covering personal").contains("record its licence under 'refs:'");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void badInputIsOneSentenceAndLeavesNoHalfDelivery() throws Exception {
        Path out = tmp.resolve("cut");
        Slate.Run nothing = conform("--out", out.toString());
        assertThat(nothing.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(nothing.err()).contains("nothing is approved").doesNotContain("Exception");
        assertThat(nothing.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();

        approve("1/1S1", 1);
        approve("1/1S2", 1);
        approve("1/1S3", 1);
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        Slate.Run occupied = conform("--out", out.toString());
        assertThat(occupied.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(occupied.err()).contains("exists and is not empty").contains("--force");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");

        assertThat(conform("--out", out.toString(), "--format", "mov").code()).isEqualTo(ExitCode.CANNOT_RUN);
        Path one = tmp.resolve("one");
        assertThat(conform("--out", one.toString(), "--shots", "9/*").code()).isEqualTo(ExitCode.CANNOT_RUN);
        Slate.Run selected = conform("--out", one.toString(), "--shots", "1/1S2", "--format", "edl", "--json");
        assertThat(selected.code()).as(selected.err()).isZero();
        assertThat(JSON.readTree(selected.out()).path("clips").asInt()).isEqualTo(1);
        assertThat(Files.readString(one.resolve("cut.edl"))).contains("* SHOT: 1/1S2").doesNotContain("1/1S1");

        // A master gone from the store: refused, and the old delivery untouched.
        Slate.Run forced = conform("--out", out.toString(), "--force", "--format", "otio");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(out.resolve("keep.txt")).doesNotExist();
        JsonNode otio = JSON.readTree(out.resolve("cut.otio").toFile());
        String master = otio.path("tracks").path("children").get(0).path("children").get(1).path("metadata")
                .path("slate").path("master").asText();
        Path object = dir.resolve(".slate/objects/sha256").resolve(master.substring(0, 2)).resolve(master.substring(2));
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length / 2] ^= 1;
        Files.write(object, bytes);
        byte[] before = Files.readAllBytes(out.resolve("cut.otio"));
        Slate.Run damaged = conform("--out", out.toString(), "--force");
        assertThat(damaged.code()).isEqualTo(ExitCode.IO);
        assertThat(damaged.err()).contains(master).contains("1/1S2").contains("slate verify --repair")
                .doesNotContain("Exception");
        assertThat(Files.readAllBytes(out.resolve("cut.otio"))).isEqualTo(before);
        // The master gone altogether: the same refusal, naming it missing, and still the old delivery.
        Files.delete(object);
        Slate.Run missing = conform("--out", out.toString(), "--force");
        assertThat(missing.code()).isEqualTo(ExitCode.IO);
        assertThat(missing.err()).contains(master).contains("is missing").contains("1/1S2").contains("slate verify --repair")
                .doesNotContain("Exception");
        assertThat(Files.readAllBytes(out.resolve("cut.otio"))).isEqualTo(before);
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".part") || n.contains(".old"));
        }
    }
}
