package film.slate.core.diagnostic;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every rule id of FORMAT.md, with its severity at check time and a one-line summary (the SARIF
 * rule description). Ids are the contract: scripts and code-scanning tools key on them.
 */
public enum Rule {
    SYNTAX_YAML("syntax/yaml", Severity.ERROR, "A YAML file does not parse."),
    SYNTAX_FOUNTAIN("syntax/fountain", Severity.ERROR, "The screenplay does not parse."),
    SCHEMA_FIELD("schema/field", Severity.ERROR, "A field is unknown, missing, or of the wrong type or range."),
    REF_CHARACTER("ref/character", Severity.ERROR, "A character name points at nothing in the bible."),
    REF_LOCATION("ref/location", Severity.ERROR, "A location name points at nothing in the bible."),
    REF_PROP("ref/prop", Severity.ERROR, "A prop name points at nothing in the bible."),
    REF_WARDROBE("ref/wardrobe", Severity.ERROR, "A wardrobe name is not among the character's wardrobe."),
    REF_FILE("ref/file", Severity.ERROR, "A path points at no file inside the production."),
    REF_DUPLICATE_SHOT("ref/duplicate-shot", Severity.ERROR, "Two shots of a scene share an id."),
    SCRIPT_UNKNOWN_SCENE("script/unknown-scene", Severity.ERROR, "A shots file names a scene the screenplay lacks."),
    SCRIPT_HEADING_MISMATCH("script/heading-mismatch", Severity.WARNING,
            "Location or time of day disagrees with the scene heading."),
    SCRIPT_UNCOVERED_SCENE("script/uncovered-scene", Severity.INFO, "A screenplay scene has no shots yet."),
    COVERAGE_DIALOGUE("coverage/dialogue", Severity.WARNING, "A dialogue block of a scene is spoken in no shot."),
    CONTINUITY_PROP_NOT_HELD("continuity/prop-not-held", Severity.ERROR,
            "An event puts down or uses a prop the character does not hold."),
    CONTINUITY_WARDROBE_CHANGE("continuity/wardrobe-change", Severity.WARNING,
            "A continuing scene starts a character in other wardrobe than it ended in."),
    CONTINUITY_NOT_IN_SCENE("continuity/not-in-scene", Severity.ERROR,
            "A shot's subject or event names a character absent from the scene's cast."),
    CONTINUITY_OUT_OF_REACH("continuity/out-of-reach", Severity.WARNING,
            "A character puts a prop down on, or picks one up from, a set piece whose top is above their reach."),
    GRAMMAR_180("grammar/180", Severity.ERROR,
            "Consecutive shots put the camera on opposite sides of the action line."),
    GRAMMAR_30_DEGREE("grammar/30-degree", Severity.WARNING,
            "Consecutive shots of the same subject differ too little in angle and size (a jump cut)."),
    GRAMMAR_SCREEN_DIRECTION("grammar/screen-direction", Severity.WARNING,
            "A moving character reverses screen direction across a cut."),
    PREVIZ_CAMERA("previz/camera", Severity.WARNING,
            "A camera sits on its look-at point or inside a figure or a set piece, or its lens is out of range."),
    CAMERA_INTENT("camera/intent", Severity.ERROR, "No position meets every constraint of a camera by intent."),
    FRAMING_OUT_OF_FRAME("framing/out-of-frame", Severity.WARNING,
            "A subject of a shot is out of frame at its start, middle or end."),
    FRAMING_HIDDEN("framing/hidden", Severity.WARNING, "Another character or a set piece stands between the lens and a subject's face."),
    FRAMING_SIZE("framing/size", Severity.WARNING,
            "The lens, distance and subject height frame the subject two or more sizes off the declared framing."),
    FRAMING_INSERT("framing/insert", Severity.WARNING,
            "An insert's prop is out of frame, or hidden by a character or a set piece, at every point of the shot."),
    REF_SPEAKER("ref/speaker", Severity.WARNING, "A character who speaks in the screenplay has no bible entry."),
    TIMING_DIALOGUE("timing/dialogue", Severity.WARNING, "The lines of a shot cannot be spoken in its duration."),
    REFERENCE_IMAGE("reference/image", Severity.ERROR, "A reference image that a backend binds is not an image."),
    REFERENCE_EXTRA_SUBJECTS("reference/extra-subjects", Severity.WARNING,
            "A shot has more subjects than a list bind of references has nodes."),
    RIGHTS_LIKENESS("rights/likeness", Severity.WARNING,
            "A character with references has no likeness consent covering the declared use."),
    RIGHTS_REF_LICENCE("rights/ref-licence", Severity.WARNING,
            "A reference file lacks a licence that covers the declared use."),
    RIGHTS_MODEL_LICENCE("rights/model-licence", Severity.WARNING,
            "A backend model lacks a licence that covers the declared use."),
    LOCK_CHANGED("lock/changed", Severity.ERROR, "A plan edit would change the recipe of a shot under picture lock.");

    private final String id;
    private final Severity severity;
    private final String summary;

    Rule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    /** The {@code family/name} id. */
    public String id() {
        return id;
    }

    /** The severity at check time. */
    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
