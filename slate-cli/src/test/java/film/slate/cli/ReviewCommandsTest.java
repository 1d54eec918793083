package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.testing.SyntheticProduction;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** approve, reject, note, notes and user: what scripts rely on, on a built synthetic production (12 fps, 64x36). */
class ReviewCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void build() {
        dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        Slate.Run build = Slate.inProcess("build", dir.toString(), "--takes", "2");
        assertThat(build.code()).as(build.out() + build.err()).isZero();
    }

    JsonNode json(String... args) throws Exception {
        Slate.Run run = Slate.inProcess(args);
        assertThat(run.code()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void notesAreStoredAtFramesWithNormalisedRegionsAndExport() throws Exception {
        Slate.Run note = Slate.inProcess("note", "1/1S1", "--take", "2", "--at", "0.5", "--to", "0.75", "--region",
                "16,9,32,18", "-C", dir.toString(), "--by", "mara", "<b>too dark</b>");
        assertThat(note.code()).as(note.err()).isZero();
        assertThat(note.out()).contains("at frame 6 to 9 (12 fps)");
        JsonNode n = json("notes", dir.toString(), "--format", "json").path("notes").get(0);
        assertThat(n.path("shot").asText()).isEqualTo("1/1S1");
        assertThat(n.path("take").asInt()).isEqualTo(2);
        assertThat(n.path("version").asInt()).isEqualTo(1);
        assertThat(n.path("frame").asLong()).isEqualTo(6);
        assertThat(n.path("to").asLong()).isEqualTo(9);
        assertThat(n.path("fps").asText()).isEqualTo("12/1");
        assertThat(n.path("timecode").asText()).isEqualTo("00:00:00:06");
        assertThat(n.path("region").toString()).isEqualTo("{\"shape\":\"rect\",\"x\":0.25,\"y\":0.25,\"w\":0.5,\"h\":0.5}");
        assertThat(n.path("text").asText()).isEqualTo("<b>too dark</b>");
        assertThat(n.path("author").asText()).isEqualTo("mara");

        JsonNode frameio = json("notes", dir.toString(), "--format", "frameio").path("comments").get(0).path("data");
        assertThat(frameio.path("timestamp").asLong()).isEqualTo(6);
        assertThat(frameio.path("duration").asLong()).isEqualTo(4);
        JsonNode shapes = JSON.readTree(frameio.path("annotation").asText());
        assertThat(shapes.get(0).path("tool").asText()).isEqualTo("rect");
        assertThat(shapes.get(0).path("w").asDouble()).isEqualTo(0.5);

        JsonNode kitsu = json("notes", dir.toString(), "--format", "kitsu").path("previews").get(0);
        JsonNode a = kitsu.path("annotations").get(0);
        assertThat(a.path("frame").asLong()).isEqualTo(6);
        // Kitsu's grid at 12 fps: a frame lasts 0.0833 s, so frame 6 is at 0.4998 (KitsuAnnotationsTest has why)
        assertThat(a.path("time").asDouble()).isEqualTo(0.4998);
        JsonNode rect = a.path("drawing").path("objects").get(0);
        assertThat(rect.path("type").asText()).isEqualTo("path");
        assertThat(rect.path("left").asDouble()).isEqualTo(16 - 2); // fabric's left is the box less half the stroke
        assertThat(rect.path("width").asDouble()).isEqualTo(32);
        assertThat(kitsu.path("update_annotations").path("additions")).isEqualTo(kitsu.path("annotations"));
        assertThat(kitsu.path("annotations")).hasSize(4); // frames 6 to 9, each with the drawing

        Slate.Run log = Slate.inProcess("log", dir.toString());
        assertThat(log.out()).contains("mara  noted  note/1  [1/1S1]");
        assertThat(Slate.inProcess("notes", dir.toString()).out()).contains("#1  1/1S1#2 v1  frame 6-9");
    }

    @Test
    void badNotesAreOneSentenceAndExitTwo() {
        String d = dir.toString();
        assertRefused(Slate.inProcess("note", "1/1S1", "--at", "0", "-C", d, "x"), "has takes [1, 2]; name one with --take N");
        assertRefused(Slate.inProcess("note", "1/1S1", "--take", "1", "--at", "1.5", "-C", d, "x"),
                "outside shot 1/1S1, which runs 1.0 s (frames 0 to 11 at 12 fps)");
        assertRefused(Slate.inProcess("note", "1/1S1", "--take", "1", "--at", "0", "--region", "60,0,10,10", "-C", d, "x"),
                "does not fit the 64x36 picture");
        assertRefused(Slate.inProcess("note", "1/1S1", "--take", "3", "--at", "0", "-C", d, "x"), "has no rendered take 3");
        assertRefused(Slate.inProcess("note", "9/9", "--take", "1", "--at", "0", "-C", d, "x"), "there is no shot 9/9");
        assertRefused(Slate.inProcess("approve", "1/1S1", d, "--take", "1", "--version", "4"), "has no version 4");
        assertRefused(Slate.inProcess("reject", "1/1S1", d, "--take", "1", "--needs-fix", "--note", "77"), "there is no note 77");
    }

    static void assertRefused(Slate.Run run, String sentence) {
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(run.err()).contains(sentence).doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void oneApprovedTakePerShotShowsInStatusAndLog() throws Exception {
        String d = dir.toString();
        assertThat(Slate.inProcess("approve", "1/1S1", d, "--take", "1", "--by", "dir").code()).isZero();
        // status reports the production's takes (one a shot here); --takes 2 rendered a second one to choose from
        assertThat(approved(d, "1/1S1")).containsExactly(true);
        Slate.Run second = Slate.inProcess("approve", "1/1S1", d, "--take", "2", "--by", "dir", "--reason", "better light");
        assertThat(second.out()).contains("approved 1/1S1#2 v1 by dir");
        assertThat(approved(d, "1/1S1")).containsExactly(false);
        assertThat(approved(d, "1/1S2")).containsExactly(false);
        assertThat(Slate.inProcess("approve", "1/1S1", d, "--take", "1", "--by", "dir").code()).isZero();
        assertThat(Slate.inProcess("reject", "1/1S1", d, "--take", "2", "--by", "ed").code()).isZero();
        assertThat(approved(d, "1/1S1")).containsExactly(true); // rejecting another take leaves the approval
        assertThat(Slate.inProcess("reject", "1/1S1", d, "--take", "1", "--needs-fix", "--by", "ed").code()).isZero();
        assertThat(approved(d, "1/1S1")).containsExactly(false);
        assertThat(Slate.inProcess("log", d).out()).contains("dir  approved  1/1S1#2 v1  [1/1S1]")
                .contains("because better light").contains("ed  rejected  1/1S1#2 v1").contains("ed  needs-fix  1/1S1#1 v1");
    }

    java.util.List<Boolean> approved(String d, String shot) throws Exception {
        for (JsonNode s : json("status", d, "--format", "json").path("shots")) {
            if (s.path("shot").asText().equals(shot)) {
                java.util.List<Boolean> out = new java.util.ArrayList<>();
                s.path("takes").forEach(t -> out.add(t.path("approved").asBoolean()));
                return out;
            }
        }
        throw new AssertionError("no shot " + shot);
    }

    @Test
    void usersGetATokenOnceAndCanBeRemoved() {
        String d = dir.toString();
        Slate.Run add = Slate.inProcess("user", "add", "mara", "--role", "director", "-C", d);
        assertThat(add.code()).as(add.err()).isZero();
        String token = add.out().trim();
        assertThat(token).startsWith("mara.").hasSizeGreaterThan(40);
        assertThat(Slate.inProcess("log", d).out()).contains("user-added  user/mara").doesNotContain(token.substring(5));
        assertRefused(Slate.inProcess("user", "add", "mara", "--role", "viewer", "-C", d), "there is already a user mara");
        assertRefused(Slate.inProcess("user", "add", "ed", "--role", "boss", "-C", d), "--role boss is not a role");
        assertThat(Slate.inProcess("user", "remove", "mara", "-C", d).code()).isZero();
        assertRefused(Slate.inProcess("user", "remove", "mara", "-C", d), "there is no user mara");
        assertRefused(Slate.inProcess("user", "add", "x", "--role", "viewer", "-C", tmp.toString()), "is not a Slate production");
    }
}
