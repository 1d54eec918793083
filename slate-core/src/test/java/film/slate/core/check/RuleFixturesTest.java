package film.slate.core.check;

import static film.slate.core.fixture.FixtureProduction.CHARACTERS;
import static film.slate.core.fixture.FixtureProduction.LOCATIONS;
import static film.slate.core.fixture.FixtureProduction.MANIFEST;
import static film.slate.core.fixture.FixtureProduction.RIGHTS;
import static film.slate.core.fixture.FixtureProduction.SCREENPLAY;
import static film.slate.core.fixture.FixtureProduction.SHOTS;
import static film.slate.core.fixture.FixtureProduction.SHOTS_2;
import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import film.slate.core.fixture.FixtureProduction;
import film.slate.core.lock.LockFixtures;
import film.slate.core.plan.CameraIntents;
import film.slate.core.read.ProductionReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule fires on a fixture built to break it, at the file and line of the offending field,
 * and stays silent on its correct twin (which is clean of every error and warning).
 */
class RuleFixturesTest {

    /**
     * One way of breaking one rule: the edits that break the base production, the edits that make
     * its correct twin, and where the finding must point (the first line of {@code file} holding
     * {@code anchor}, in the broken production).
     */
    record Case(String name, Rule rule, Severity severity, String file, String anchor,
            UnaryOperator<FixtureProduction> broken, UnaryOperator<FixtureProduction> twin) {
        @Override
        public String toString() {
            return rule.id() + ": " + name;
        }
    }

    private static Case c(String name, Rule rule, String file, String anchor, UnaryOperator<FixtureProduction> broken,
            UnaryOperator<FixtureProduction> twin) {
        return new Case(name, rule, rule.severity(), file, anchor, broken, twin);
    }

    private static Case c(String name, Rule rule, String file, String anchor, UnaryOperator<FixtureProduction> broken) {
        return new Case(name, rule, rule.severity(), file, anchor, broken, p -> p);
    }

    /** Shot B of the base, whose camera line most cases edit. */
    private static final String CAMERA_B = "camera: { at: [2.8, 2.2], height: 1.6, lens: 65, look_at: BEN }";

    private static UnaryOperator<FixtureProduction> cameraB(String camera) {
        return p -> p.replace(SHOTS, CAMERA_B, camera);
    }

    /** The room with one set piece, a cabinet. */
    private static UnaryOperator<FixtureProduction> piece(String piece) {
        return p -> p.append(LOCATIONS, "  set: { CABINET: " + piece + " }\n");
    }

    private static UnaryOperator<FixtureProduction> appendToShots(String text) {
        return p -> p.append(SHOTS, text);
    }

    /** ANN gets a reference image (present or not), with or without a likeness consent and licence. */
    private static UnaryOperator<FixtureProduction> annRefs(boolean present, String likeness, String licence) {
        return p -> {
            p.replace(CHARACTERS, "  description: woman in her thirties, red scarf\n",
                    "  description: woman in her thirties, red scarf\n  refs: [refs/ann.png]\n");
            if (present) {
                p.put("bible/refs/ann.png", FixtureProduction.png());
            }
            StringBuilder rights = new StringBuilder();
            if (!likeness.isEmpty()) {
                rights.append("likeness:\n  ANN: ").append(likeness).append('\n');
            }
            if (!licence.isEmpty()) {
                rights.append("refs:\n  bible/refs/ann.png: ").append(licence).append('\n');
            }
            if (rights.length() > 0) {
                p.put(RIGHTS, rights.toString());
            }
            return p;
        };
    }

    private static final String SIGNED = "{ holder: A. Actor, consent: signed, uses: [festival, commercial], expires: 2099-01-01 }";
    private static final String OWNED = "{ licence: owned }";

    private static UnaryOperator<FixtureProduction> roomRef(String rights) {
        return p -> {
            p.replace(LOCATIONS, "  size: [6, 6]\n", "  size: [6, 6]\n  refs: [refs/room.png]\n");
            p.put("bible/refs/room.png", FixtureProduction.png());
            if (!rights.isEmpty()) {
                p.put(RIGHTS, "refs:\n  bible/refs/room.png: " + rights + "\n");
            }
            return p;
        };
    }

    private static UnaryOperator<FixtureProduction> commandBackend(String rights) {
        return p -> {
            p.append(MANIFEST, "backends:\n  local: { type: command, command: ./render.sh }\n");
            if (!rights.isEmpty()) {
                p.put(RIGHTS, "models:\n  local: " + rights + "\n");
            }
            return p;
        };
    }

    /** A command backend that binds ANN's reference, which is {@code image}; everything else cleared. */
    private static UnaryOperator<FixtureProduction> boundRef(String key, byte[] image) {
        return p -> {
            annRefs(true, SIGNED, OWNED).apply(p);
            p.put("bible/refs/ann.png", image);
            p.append(MANIFEST, "backends:\n  local: { type: command, command: ./render.sh, inputs: [" + key + "] }\n");
            p.append(RIGHTS, "models:\n  local: { licence: apache-2.0 }\n");
            return p;
        };
    }

    /** A ComfyUI backend whose list bind {@code references} has these pointers. */
    private static UnaryOperator<FixtureProduction> referenceList(String pointers) {
        return p -> {
            p.append(MANIFEST, "backends:\n  gen:\n    type: comfyui\n    url: http://127.0.0.1:8188\n"
                    + "    workflow: w.json\n    bind:\n      references: " + pointers + "\n");
            p.put(RIGHTS, "models:\n  gen: { licence: apache-2.0 }\n");
            return p;
        };
    }

    /** Shots A and B made into a walk: ANN walks east in A, and on in B, seen by {@code cameraB}. */
    private static UnaryOperator<FixtureProduction> walk(String cameraB, boolean crosses) {
        return p -> p.replace(SHOTS, "    duration: 4\n", "    duration: 4\n    blocking: { ANN: { to: [2.6, 3] } }\n")
                .replace(SHOTS, "    framing: CU\n    subjects: [BEN]\n    " + CAMERA_B + "\n",
                        "    framing: MS\n    subjects: [ANN]\n    " + cameraB + "\n"
                                + "    blocking: { ANN: { to: [3.1, 3] } }\n"
                                + (crosses ? "    crosses_line: true\n" : ""));
    }

    /** Shot B's camera aimed at the point where BEN's eyes are at the start, not at BEN. */
    private static final String FIXED_ON_BEN = "camera: { at: [2.8, 2.2], height: 1.6, lens: 65, look_at: [4, 3, 1.67] }";

    /** A third shot, an insert of the cup in ANN's hand, aimed at {@code aim}. */
    private static String insertOfCup(String aim) {
        return "  - id: C\n    framing: INSERT\n    subjects: [CUP]\n"
                + "    camera: { at: [2.1, 1.8], height: 1.2, lens: 50, look_at: " + aim + " }\n    duration: 2\n";
    }

    private static byte[] withByte(String text, String after, int b) {
        byte[] head = text.substring(0, text.indexOf(after) + after.length()).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(text.indexOf(after) + after.length()).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        out[head.length] = (byte) b;
        System.arraycopy(tail, 0, out, head.length + 1, tail.length);
        return out;
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        // syntax
        // The parser notices an unclosed list on the line where the next key stands.
        all.add(c("an unclosed flow list", Rule.SYNTAX_YAML, SHOTS, "camera2: x",
                p -> p.replace(SHOTS, "subjects: [BEN]", "subjects: [BEN\n    camera2: x")));
        all.add(c("an alias to no anchor", Rule.SYNTAX_YAML, SHOTS, "*nobody",
                p -> p.replace(SHOTS, "subjects: [BEN]", "subjects: *nobody")));
        all.add(c("a byte that is not UTF-8", Rule.SYNTAX_YAML, CHARACTERS, "man in his fifties",
                p -> p.put(CHARACTERS, withByte(p.text(CHARACTERS), "man in his fifties", 0xff))));
        // Reported where the second document's content starts, the line after its '---'.
        all.add(c("a second YAML document", Rule.SYNTAX_YAML, FixtureProduction.PROPS, "JUG",
                p -> p.append(FixtureProduction.PROPS, "---\nJUG: { description: jug }\n")));
        // Fountain is forgiving: an unclosed boneyard is kept as text, so it is a warning.
        all.add(new Case("an unclosed boneyard", Rule.SYNTAX_FOUNTAIN, Severity.WARNING, SCREENPLAY, "/*",
                p -> p.replace(SCREENPLAY, "Ann waits at the table.", "/* Ann waits at the table."),
                p -> p.replace(SCREENPLAY, "Ann waits at the table.", "/* Ann waits */ at the table.")));
        // schema
        all.add(c("an unknown field", Rule.SCHEMA_FIELD, SHOTS, "notes:",
                appendToShots("    notes: keep it short\n")));
        all.add(c("duration: 0", Rule.SCHEMA_FIELD, SHOTS, "duration: 0",
                p -> p.replace(SHOTS, "duration: 3", "duration: 0")));
        all.add(c("a lens that is not a number", Rule.SCHEMA_FIELD, SHOTS, "lens: fifty",
                p -> p.replace(SHOTS, "lens: 65", "lens: fifty")));
        all.add(c("a shot without a camera", Rule.SCHEMA_FIELD, SHOTS, "- id: B",
                p -> p.replace(SHOTS, "    " + CAMERA_B + "\n", "")));
        all.add(c("a framing that does not exist", Rule.SCHEMA_FIELD, SHOTS, "framing: CLOSE",
                p -> p.replace(SHOTS, "framing: CU", "framing: CLOSE")));
        all.add(c("a dialogue block the scene lacks", Rule.SCHEMA_FIELD, SHOTS, "lines: [3]",
                appendToShots("    lines: [3]\n")));
        all.add(c("an unknown style placeholder", Rule.SCHEMA_FIELD, FixtureProduction.STYLE, "{mood}",
                p -> p.replace(FixtureProduction.STYLE, "{look}", "{mood}")));
        // references
        all.add(c("a cast member not in the bible", Rule.REF_CHARACTER, SHOTS, "DOT:",
                p -> p.replace(SHOTS, "shots:\n", "  DOT: { at: [1, 1] }\nshots:\n")));
        all.add(c("a look-at naming nobody", Rule.REF_CHARACTER, SHOTS, "look_at: BOB",
                p -> p.replace(SHOTS, "look_at: BEN", "look_at: BOB")));
        all.add(c("a location not in the bible", Rule.REF_LOCATION, SHOTS, "location: ATTIC",
                p -> p.replace(SHOTS, "location: ROOM", "location: ATTIC")));
        all.add(c("a held prop not in the bible", Rule.REF_PROP, SHOTS, "holds: [SPOON]",
                p -> p.replace(SHOTS, "holds: [CUP]", "holds: [SPOON]")));
        all.add(c("an event prop not in the bible", Rule.REF_PROP, SHOTS, "picks_up: SPOON",
                appendToShots("    events: [ { character: BEN, picks_up: SPOON } ]\n"),
                appendToShots("    events: [ { character: BEN, picks_up: CUP } ]\n")));
        all.add(c("a cast wardrobe the character lacks", Rule.REF_WARDROBE, SHOTS, "wardrobe: hat",
                p -> p.replace(SHOTS, "BEN: { wardrobe: coat", "BEN: { wardrobe: hat")));
        all.add(c("a worn wardrobe the character lacks", Rule.REF_WARDROBE, SHOTS, "wears: hat",
                appendToShots("    events: [ { character: ANN, wears: hat } ]\n"),
                appendToShots("    events: [ { character: ANN, wears: dress } ]\n")));
        all.add(c("a reference file that is missing", Rule.REF_FILE, CHARACTERS, "refs/ann.png",
                annRefs(false, SIGNED, OWNED), annRefs(true, SIGNED, OWNED)));
        all.add(c("a path that leaves the production", Rule.REF_FILE, MANIFEST, "screenplay: ../",
                p -> p.replace(MANIFEST, "screenplay: screenplay.fountain", "screenplay: ../screenplay.fountain")));
        all.add(c("two shots with one id", Rule.REF_DUPLICATE_SHOT, SHOTS, "#!dup",
                p -> p.replace(SHOTS, "  - id: B", "  - id: A   #!dup")));
        // script
        all.add(c("a scene the screenplay lacks", Rule.SCRIPT_UNKNOWN_SCENE, SHOTS, "scene: 7",
                p -> p.replace(SHOTS, "scene: 1", "scene: 7")));
        all.add(c("a time of day the heading disagrees with", Rule.SCRIPT_HEADING_MISMATCH, SHOTS, "time: NIGHT",
                p -> p.replace(SHOTS, "time: DAY", "time: NIGHT")));
        all.add(c("a location whose heading disagrees", Rule.SCRIPT_HEADING_MISMATCH, SHOTS, "location: ROOM",
                p -> p.replace(LOCATIONS, "heading: INT. ROOM", "heading: INT. HALL")));
        all.add(c("a screenplay scene without shots", Rule.SCRIPT_UNCOVERED_SCENE, SCREENPLAY, "INT. ROOM - LATER",
                p -> p.append(SCREENPLAY, "\nINT. ROOM - LATER\n\nAnn sits.\n"), p -> p.withSecondScene("coat")));
        all.add(c("a dialogue block no shot speaks", Rule.COVERAGE_DIALOGUE, SCREENPLAY, "BEN",
                p -> p.replace(SHOTS, "lines: [1, 2]", "lines: [1]")));
        all.add(c("lines too long for the shot", Rule.TIMING_DIALOGUE, SHOTS, "duration: 1",
                p -> p.replace(SHOTS, "duration: 4", "duration: 1")));
        // continuity
        all.add(c("a prop put down that is not held", Rule.CONTINUITY_PROP_NOT_HELD, SHOTS, "puts_down: CUP",
                appendToShots("    events: [ { character: BEN, puts_down: CUP } ]\n"),
                appendToShots("    events: [ { character: ANN, puts_down: CUP } ]\n")));
        all.add(c("a prop used after it was handed over", Rule.CONTINUITY_PROP_NOT_HELD, SHOTS, "uses: CUP",
                appendToShots("    events:\n      - { character: ANN, puts_down: CUP }\n"
                        + "      - { character: BEN, picks_up: CUP }\n      - { character: ANN, uses: CUP }\n"),
                appendToShots("    events:\n      - { character: ANN, puts_down: CUP }\n"
                        + "      - { character: BEN, picks_up: CUP }\n      - { character: BEN, uses: CUP }\n")));
        all.add(c("a continuing scene in other wardrobe", Rule.CONTINUITY_WARDROBE_CHANGE, SHOTS_2, "wardrobe: dress",
                p -> p.withSecondScene("dress"), p -> p.withSecondScene("coat")));
        all.add(c("a subject absent from the cast", Rule.CONTINUITY_NOT_IN_SCENE, SHOTS, "subjects: [BEN, CAL]",
                p -> p.replace(SHOTS, "subjects: [BEN]", "subjects: [BEN, CAL]")));
        all.add(c("an event by someone absent from the cast", Rule.CONTINUITY_NOT_IN_SCENE, SHOTS, "character: CAL",
                appendToShots("    events:\n      - { character: ANN, puts_down: CUP }\n      - { character: CAL, picks_up: CUP }\n"),
                appendToShots("    events:\n      - { character: ANN, puts_down: CUP }\n      - { character: BEN, picks_up: CUP }\n")));
        // ANN at [2, 3] facing east: the cup goes down, or lies ready, at [2.45, 3], on the cabinet
        all.add(c("a cup put down on a cabinet above ANN's reach", Rule.CONTINUITY_OUT_OF_REACH, SHOTS, "puts_down: CUP",
                p -> piece("{ at: [2.6, 3], size: [0.4, 0.6], height: 2.2 }").apply(
                        appendToShots("    events: [ { character: ANN, puts_down: CUP } ]\n").apply(p)),
                p -> piece("{ at: [2.6, 3], size: [0.4, 0.6], height: 1.0 }").apply(
                        appendToShots("    events: [ { character: ANN, puts_down: CUP } ]\n").apply(p))));
        all.add(c("a cup picked up from a cabinet above ANN's reach", Rule.CONTINUITY_OUT_OF_REACH, SHOTS, "picks_up: CUP",
                p -> piece("{ at: [2.6, 3], size: [0.4, 0.6], height: 2.2 }").apply(
                        appendToShots("    events: [ { character: ANN, picks_up: CUP } ]\n").apply(
                                p.replace(SHOTS, "facing: 90, holds: [CUP] }", "facing: 90 }"))),
                p -> piece("{ at: [2.6, 3], size: [0.4, 0.6], height: 1.0 }").apply(
                        appendToShots("    events: [ { character: ANN, picks_up: CUP } ]\n").apply(
                                p.replace(SHOTS, "facing: 90, holds: [CUP] }", "facing: 90 }")))));
        all.add(c("a camera by intent no position in the room can meet", Rule.CAMERA_INTENT, SHOTS, "single: BEN",
                p -> cameraB("camera: { single: BEN }").apply(p).replace(SHOTS, "framing: CU", "framing: EWS"),
                cameraB("camera: { single: BEN }")));
        // film grammar
        all.add(c("a camera across the line", Rule.GRAMMAR_180, SHOTS, "at: [2.8, 3.8]",
                cameraB("camera: { at: [2.8, 3.8], height: 1.6, lens: 65, look_at: BEN }")));
        all.add(c("the same cross marked crosses_line", Rule.GRAMMAR_180, SHOTS, "at: [2.8, 3.8]",
                cameraB("camera: { at: [2.8, 3.8], height: 1.6, lens: 65, look_at: BEN }"),
                p -> cameraB("camera: { at: [2.8, 3.8], height: 1.6, lens: 65, look_at: BEN }").apply(p)
                        .append(SHOTS, "    crosses_line: true\n")));
        all.add(c("a cross after a move that stays on its side", Rule.GRAMMAR_180, SHOTS, "at: [2.8, 3.8]",
                p -> cameraB("camera: { at: [2.8, 3.8], height: 1.6, lens: 65, look_at: BEN }").apply(p)
                        .replace(SHOTS, "    duration: 4\n", "    duration: 4\n    move: { type: dolly, to: [1, 1] }\n"),
                // A wide lens keeps both in frame while the camera travels round ANN to the far side.
                p -> cameraB("camera: { at: [2.8, 3.8], height: 1.6, lens: 65, look_at: BEN }").apply(p)
                        .replace(SHOTS, "lens: 35", "lens: 18")
                        .replace(SHOTS, "    duration: 4\n", "    duration: 4\n    move: { type: dolly, to: [0.5, 4.5] }\n")));
        all.add(c("a camera just outside the neutral band", Rule.GRAMMAR_180, SHOTS, "at: [2.8, 3.15]",
                cameraB("camera: { at: [2.8, 3.15], height: 1.6, lens: 65, look_at: BEN }"),
                cameraB("camera: { at: [2.8, 3.05], height: 1.6, lens: 65, look_at: BEN }")));
        all.add(c("a fixed line crossed", Rule.GRAMMAR_180, SHOTS, "at: [5, 2.5]",
                p -> p.replace(SHOTS, "axis: [ANN, BEN]", "axis: { from: [3, 0], to: [3, 6] }")
                        .replace(SHOTS, "camera: { at: [3, 0],", "camera: { at: [2, 0],")
                        .replace(SHOTS, CAMERA_B, "camera: { at: [5, 2.5], height: 1.6, lens: 65, look_at: BEN }"),
                p -> p.replace(SHOTS, "axis: [ANN, BEN]", "axis: { from: [3, 0], to: [3, 6] }")
                        .replace(SHOTS, "camera: { at: [3, 0],", "camera: { at: [2, 0],")
                        .replace(SHOTS, CAMERA_B, "camera: { at: [2.8, 2.2], height: 1.6, lens: 65, look_at: BEN }")));
        all.add(c("two cuts on one subject at one angle", Rule.GRAMMAR_30_DEGREE, SHOTS, "at: [3.0, 2.0]",
                appendToShots("  - id: C\n    framing: MCU\n    subjects: [BEN]\n"
                        + "    camera: { at: [3.0, 2.0], lens: 50, look_at: BEN }\n    duration: 2\n"),
                appendToShots("  - id: C\n    framing: MCU\n    subjects: [BEN]\n"
                        + "    camera: { at: [4.0, 1.6], lens: 50, look_at: BEN }\n    duration: 2\n")));
        all.add(c("a walk that reverses on screen", Rule.GRAMMAR_SCREEN_DIRECTION, SHOTS, "ANN: { to: [3.1, 3] }",
                walk("camera: { at: [2.8, 5.5], height: 1.6, lens: 35, look_at: ANN }", true),
                walk("camera: { at: [2.8, 0.5], height: 1.6, lens: 35, look_at: ANN }", false)));
        // previz
        all.add(c("a camera on its look-at point", Rule.PREVIZ_CAMERA, SHOTS, "look_at: [3, 1]",
                cameraB("camera: { at: [3, 1], height: 1.6, lens: 65, look_at: [3, 1] }")));
        all.add(c("a camera inside a figure", Rule.PREVIZ_CAMERA, SHOTS, "at: [4.1, 2.85]",
                cameraB("camera: { at: [4.1, 2.85], height: 1.6, lens: 65, look_at: BEN }")));
        all.add(c("a dolly that ends inside a figure", Rule.PREVIZ_CAMERA, SHOTS, "at: [2.8, 2.2]",
                appendToShots("    move: { type: dolly, to: [3.9, 2.9] }\n")));
        all.add(c("a camera inside a set piece", Rule.PREVIZ_CAMERA, SHOTS, "at: [2.8, 2.2]",
                piece("{ at: [2.8, 2.2], size: [0.6, 0.6], height: 2.0 }"),
                piece("{ at: [2.8, 2.2], size: [0.6, 0.6], height: 1.2 }")));
        all.add(c("a 1 mm lens", Rule.PREVIZ_CAMERA, SHOTS, "lens: 1,",
                p -> p.replace(SHOTS, "lens: 65", "lens: 1")));
        all.add(c("a 2,000 mm lens", Rule.PREVIZ_CAMERA, SHOTS, "lens: 2000",
                p -> p.replace(SHOTS, "lens: 65", "lens: 2000")));
        // framing
        all.add(c("a camera aimed away from its subject", Rule.FRAMING_OUT_OF_FRAME, SHOTS, "look_at: [1, 2.2]",
                cameraB("camera: { at: [2.8, 2.2], height: 1.6, lens: 65, look_at: [1, 2.2] }")));
        all.add(c("a subject who walks out of a fixed frame", Rule.FRAMING_OUT_OF_FRAME, SHOTS, "look_at: [4, 3, 1.67]",
                p -> cameraB(FIXED_ON_BEN).apply(p).append(SHOTS, "    blocking: { BEN: { to: [5.5, 5.5] } }\n"),
                cameraB(FIXED_ON_BEN)));
        all.add(c("a subject behind another", Rule.FRAMING_HIDDEN, SHOTS, "at: [0.5, 3.05]",
                cameraB("camera: { at: [0.5, 3.05], height: 1.6, lens: 65, look_at: BEN }"),
                cameraB("camera: { at: [1.2, 1.2], height: 1.6, lens: 120, look_at: BEN }")));
        all.add(c("a subject's face behind a set piece", Rule.FRAMING_HIDDEN, SHOTS, "at: [2.8, 2.2]",
                piece("{ at: [3.4, 2.6], size: [0.6, 0.6], height: 2.0 }"),
                piece("{ at: [3.4, 2.6], size: [0.6, 0.6], height: 0.9 }"))); // the twin hides the body, not the face
        all.add(c("a close-up declared extreme wide", Rule.FRAMING_SIZE, SHOTS, "framing: EWS",
                p -> p.replace(SHOTS, "framing: CU", "framing: EWS"), p -> p.replace(SHOTS, "framing: CU", "framing: MCU")));
        all.add(c("an MCU that a long lens makes an ECU", Rule.FRAMING_SIZE, SHOTS, "framing: MCU",
                p -> p.replace(SHOTS, "framing: CU", "framing: MCU").replace(SHOTS, "lens: 65", "lens: 300"),
                p -> p.replace(SHOTS, "framing: CU", "framing: MCU")));
        all.add(c("an insert of empty floor", Rule.FRAMING_INSERT, SHOTS, "subjects: [CUP]",
                appendToShots(insertOfCup("[5, 5, 0.7]")), appendToShots(insertOfCup("[2.09, 2.68, 0.71]"))));
        all.add(c("an insert of a cup behind a cabinet", Rule.FRAMING_INSERT, SHOTS, "at: [2.1, 1.8]",
                p -> piece("{ at: [2.1, 2.25], size: [0.4, 0.2], height: 1.0 }").apply(
                        appendToShots(insertOfCup("[2.09, 2.68, 0.71]")).apply(p)),
                p -> piece("{ at: [2.1, 2.25], size: [0.4, 0.2], height: 0.8 }").apply( // the sight line passes over it
                        appendToShots(insertOfCup("[2.09, 2.68, 0.71]")).apply(p))));
        all.add(c("a speaker without a bible entry", Rule.REF_SPEAKER, SCREENPLAY, "DAN",
                p -> p.append(SCREENPLAY, "\nDAN\nHi.\n").replace(SHOTS, "lines: [1, 2]", "lines: [1, 2, 3]"),
                p -> p.append(SCREENPLAY, "\nCAL\nHi.\n").replace(SHOTS, "lines: [1, 2]", "lines: [1, 2, 3]")));
        // rights
        all.add(c("references without a consent", Rule.RIGHTS_LIKENESS, CHARACTERS, "refs: [refs/ann.png]",
                annRefs(true, "", OWNED), annRefs(true, SIGNED, OWNED)));
        all.add(c("a consent that has expired", Rule.RIGHTS_LIKENESS, CHARACTERS, "refs: [refs/ann.png]",
                annRefs(true, SIGNED.replace("2099-01-01", "2001-01-01"), OWNED), annRefs(true, SIGNED, OWNED)));
        all.add(c("a consent for festivals only", Rule.RIGHTS_LIKENESS, CHARACTERS, "refs: [refs/ann.png]",
                annRefs(true, SIGNED.replace("[festival, commercial]", "[festival]"), OWNED),
                annRefs(true, SIGNED, OWNED)));
        all.add(c("a reference without a licence", Rule.RIGHTS_REF_LICENCE, LOCATIONS, "refs/room.png",
                roomRef(""), roomRef(OWNED)));
        all.add(c("a non-commercial licence", Rule.RIGHTS_REF_LICENCE, LOCATIONS, "refs/room.png",
                roomRef("{ licence: CC-BY-NC-4.0 }"), roomRef("{ licence: CC-BY-4.0 }")));
        all.add(c("a backend without a model licence", Rule.RIGHTS_MODEL_LICENCE, MANIFEST, "local:",
                commandBackend(""), commandBackend("{ licence: apache-2.0 }")));
        all.add(c("a model licence for personal use", Rule.RIGHTS_MODEL_LICENCE, MANIFEST, "local:",
                commandBackend("{ licence: custom, uses: [personal] }"),
                commandBackend("{ licence: custom, uses: [personal, commercial] }")));
        // reference binds
        all.add(c("a bound reference that is text", Rule.REFERENCE_IMAGE, CHARACTERS, "refs: [refs/ann.png]",
                boundRef("reference.ANN", "not a picture".getBytes(StandardCharsets.UTF_8)),
                boundRef("reference.ANN", FixtureProduction.png())));
        all.add(c("a bind key naming a character the bible lacks", Rule.SCHEMA_FIELD, MANIFEST, "reference.ZED",
                boundRef("reference.ZED", FixtureProduction.png()), boundRef("reference.ANN", FixtureProduction.png())));
        all.add(c("a bind key naming a prop the bible lacks", Rule.SCHEMA_FIELD, MANIFEST, "prop_reference.SPOON",
                boundRef("prop_reference.SPOON", FixtureProduction.png()),
                boundRef("prop_reference.CUP", FixtureProduction.png())));
        for (String pass : List.of("mask", "mask_video", "prompt")) {
            all.add(c("a " + pass + " bind naming a character the bible lacks", Rule.SCHEMA_FIELD, MANIFEST, pass + ".ZED",
                    boundRef(pass + ".ZED", FixtureProduction.png()), boundRef(pass + ".ANN", FixtureProduction.png())));
        }
        all.add(c("a two-hander with one reference node", Rule.REFERENCE_EXTRA_SUBJECTS, MANIFEST, "references:",
                referenceList("[/1/inputs/image]"), referenceList("[/1/inputs/image, /2/inputs/image]")));
        // picture lock
        all.add(c("an edit of a locked shot", Rule.LOCK_CHANGED, SHOTS, "- id: B",
                p -> cameraB(CAMERA_B.replace("lens: 65", "lens: 50")).apply(LockFixtures.locked("1/B").apply(p)),
                LockFixtures.locked("1/B")));
        return all.stream();
    }

    static List<Diagnostic> check(FixtureProduction p, Path dir) throws Exception {
        return Checker.check(CameraIntents.solve(ProductionReader.read(p.writeTo(dir))));
    }

    @Test
    void theBaseIsClean(@TempDir Path dir) throws Exception {
        assertThat(check(FixtureProduction.base(), dir)).isEmpty();
    }

    @Test
    void everyRuleHasAFixture() {
        Set<Rule> covered = cases().map(Case::rule).collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).as("rules without a fixture").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesOnTheBrokenFixtureAtTheOffendingLine(Case c, @TempDir Path dir) throws Exception {
        FixtureProduction broken = c.broken().apply(FixtureProduction.base());
        List<Diagnostic> found = check(broken, dir);
        int line = broken.lineOf(c.file(), c.anchor());
        assertThat(found).as("findings of %s", c.rule())
                .anySatisfy(d -> {
                    assertThat(d.rule()).isEqualTo(c.rule());
                    assertThat(d.position().file()).isEqualTo(c.file());
                    assertThat(d.position().line()).isEqualTo(line);
                    assertThat(d.severity()).isEqualTo(c.severity());
                    assertThat(d.message()).isNotBlank().doesNotContain("Exception");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void staysSilentOnTheCorrectTwin(Case c, @TempDir Path dir) throws Exception {
        List<Diagnostic> found = check(c.twin().apply(FixtureProduction.base()), dir);
        assertThat(found).as("findings on the twin").noneMatch(d -> d.rule() == c.rule())
                .noneMatch(d -> d.severity() != Severity.INFO);
    }
}
