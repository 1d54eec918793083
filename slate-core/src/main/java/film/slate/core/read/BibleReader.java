package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Character;
import film.slate.core.model.FileRef;
import film.slate.core.model.Location;
import film.slate.core.model.Point;
import film.slate.core.model.Positions;
import film.slate.core.model.Prop;
import film.slate.core.model.SetPiece;
import film.slate.core.model.Style;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The four bible files into characters, locations, props and style. */
final class BibleReader {
    static final String CHARACTERS = "bible/characters.yaml";
    static final String LOCATIONS = "bible/locations.yaml";
    static final String PROPS = "bible/props.yaml";
    static final String STYLE = "bible/style.yaml";

    private static final Pattern CHARACTER_ID = Pattern.compile("[A-Z0-9][A-Z0-9 ._'-]*");
    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    static final double DEFAULT_HEIGHT = 1.75;

    private final ProductionFiles files;
    private final Diagnostics d;

    BibleReader(ProductionFiles files, Diagnostics d) {
        this.files = files;
        this.d = d;
    }

    Map<String, Character> characters(Optional<YamlNode> root) {
        Map<String, Character> out = new LinkedHashMap<>();
        root.flatMap(n -> Values.idMapping(n, CHARACTERS, d)).ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                if (!CHARACTER_ID.matcher(e.key()).matches()) {
                    d.add(Rule.SCHEMA_FIELD, e.keyPosition(), "the character id '" + e.key()
                            + "' should be the screenplay's cue in upper case, e.g. '" + e.key().toUpperCase(java.util.Locale.ROOT) + "'");
                    continue;
                }
                Fields.of(e.value(), "character " + e.key(), d).ifPresent(f -> out.put(e.key(), character(e.key(), f)));
            }
        });
        return out;
    }

    private Character character(String id, Fields f) {
        String name = f.text("name").orElse(id);
        String description = f.text("description").orElse("");
        if (description.isBlank()) {
            f.missing("description", "the words every prompt will use for this character");
        }
        double height = f.number("height", 0.3, 3.0).orElse(DEFAULT_HEIGHT);
        String color = f.text("color").orElse(null);
        if (color != null && !COLOR.matcher(color).matches()) {
            f.invalid("color", "is '" + color + "'; write a colour as \"#rrggbb\" (quoted: # starts a YAML comment)");
            color = null;
        }
        List<FileRef> refs = refs(f, CHARACTERS);
        Map<String, String> wardrobe = new LinkedHashMap<>();
        Map<String, List<FileRef>> wardrobeRefs = new LinkedHashMap<>();
        f.node("wardrobe").flatMap(n -> Values.idMapping(n, "'wardrobe' of " + f.what(), d)).ifPresent(m -> {
            for (YamlMapping.Entry w : m.entries()) {
                if (w.value() instanceof YamlMapping) {
                    wardrobe(w, f, wardrobe, wardrobeRefs);
                } else {
                    f.asText(w.value(), "wardrobe '" + w.key() + "' of " + f.what()).ifPresent(t -> wardrobe.put(w.key(), t));
                }
            }
        });
        f.finish();
        return new Character(id, name, description, height, color == null ? colorOf(id) : color.toLowerCase(java.util.Locale.ROOT),
                refs, wardrobe, Values.positions(f.mapping()), wardrobeRefs);
    }

    /** A wardrobe written in full: {@code oilskin: { description: ..., refs: [...] }}. */
    private void wardrobe(YamlMapping.Entry w, Fields character, Map<String, String> wardrobe,
            Map<String, List<FileRef>> wardrobeRefs) {
        Fields.of(w.value(), "wardrobe '" + w.key() + "' of " + character.what(), d).ifPresent(f -> {
            wardrobe.put(w.key(), f.requiredText("description").orElse(""));
            List<FileRef> refs = refs(f, CHARACTERS);
            if (!refs.isEmpty()) {
                wardrobeRefs.put(w.key(), refs);
            }
            f.finish();
        });
    }

    /** A stable stand-in colour from the id, so previz tells characters apart without configuration. */
    static String colorOf(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            float hue = ((h[0] & 0xff) << 8 | (h[1] & 0xff)) / 65536f;
            return String.format("#%06x", rgb(hue));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The colour of {@code hue} at saturation 0.65 and brightness 0.85, as 0xRRGGBB: the hexcone
     * model in float arithmetic, the same values as AWT's {@code Color.HSBtoRGB} (a test compares
     * every hue {@link #colorOf} can ask for), without AWT, whose class initialisation loads its
     * native library and resources in every command that reads a bible without colours.
     */
    static int rgb(float hue) {
        final float saturation = 0.65f;
        final float brightness = 0.85f;
        float sector = (hue - (float) Math.floor(hue)) * 6.0f;
        float within = sector - (float) Math.floor(sector);
        float v = brightness;
        float p = brightness * (1.0f - saturation);
        float q = brightness * (1.0f - saturation * within);
        float t = brightness * (1.0f - (saturation * (1.0f - within)));
        float[] rgb = switch ((int) sector) {
            case 0 -> new float[] {v, t, p};
            case 1 -> new float[] {q, v, p};
            case 2 -> new float[] {p, v, t};
            case 3 -> new float[] {p, q, v};
            case 4 -> new float[] {t, p, v};
            case 5 -> new float[] {v, p, q};
            default -> new float[] {0, 0, 0};
        };
        return (int) (rgb[0] * 255.0f + 0.5f) << 16 | (int) (rgb[1] * 255.0f + 0.5f) << 8 | (int) (rgb[2] * 255.0f + 0.5f);
    }

    Map<String, Location> locations(Optional<YamlNode> root) {
        Map<String, Location> out = new LinkedHashMap<>();
        root.flatMap(n -> Values.idMapping(n, LOCATIONS, d)).ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                if (checkId(e)) {
                    Fields.of(e.value(), "location " + e.key(), d).ifPresent(f -> out.put(e.key(), location(e.key(), f)));
                }
            }
        });
        return out;
    }

    private Location location(String id, Fields f) {
        String heading = f.requiredText("heading").orElse("");
        String description = f.text("description").orElse("");
        double width = 10;
        double depth = 10;
        Optional<YamlNode> size = f.node("size");
        if (size.isEmpty()) {
            f.missing("size", "the floor plan [width, depth] in metres");
        } else {
            Optional<Values.Point3> p = Values.point(f, size.get(), "'size' of " + f.what());
            if (p.isPresent()) {
                if (p.get().point().x() <= 0 || p.get().point().y() <= 0 || p.get().point().x() > 10_000
                        || p.get().point().y() > 10_000) {
                    f.invalid("size", "must be two positive sizes in metres, at most 10000 each");
                } else {
                    width = p.get().point().x();
                    depth = p.get().point().y();
                }
            }
        }
        List<FileRef> refs = refs(f, LOCATIONS);
        List<SetPiece> set = set(f, width, depth);
        f.finish();
        return new Location(id, heading, description, width, depth, refs, Values.positions(f.mapping()), set);
    }

    /** {@code set: { BENCH: { at: [x, y], size: [w, d], height: h, facing: deg } }}, each inside the floor plan. */
    private List<SetPiece> set(Fields location, double width, double depth) {
        List<SetPiece> out = new ArrayList<>();
        location.node("set").flatMap(n -> Values.idMapping(n, "'set' of " + location.what(), d)).ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                if (!checkId(e)) {
                    continue;
                }
                Fields.of(e.value(), "set piece " + e.key() + " of " + location.what(), d).ifPresent(f -> {
                    Optional<Values.Point3> at = Values.requiredPoint(f, "at");
                    Optional<Values.Point3> size = Values.requiredPoint(f, "size");
                    OptionalDouble height = f.requiredNumber("height", 0.01, 50);
                    double facing = Values.bearing(f, "facing").orElse(0);
                    f.finish();
                    if (size.isPresent() && (size.get().point().x() <= 0 || size.get().point().y() <= 0)) {
                        f.invalid("size", "must be two positive sizes [width, depth] in metres");
                    } else if (at.isPresent() && size.isPresent() && height.isPresent()) {
                        SetPiece piece = new SetPiece(e.key(), at.get().point(), size.get().point().x(), size.get().point().y(),
                                height.getAsDouble(), facing);
                        if (inside(piece, width, depth, f)) {
                            out.add(piece);
                        }
                    }
                });
            }
        });
        return out;
    }

    private boolean inside(SetPiece piece, double width, double depth, Fields f) {
        for (Point c : piece.corners()) {
            if (c.x() < -1e-6 || c.y() < -1e-6 || c.x() > width + 1e-6 || c.y() > depth + 1e-6) {
                f.invalid("at", "puts " + piece.id() + " partly outside the location's floor plan [" + Values.metres(width)
                        + ", " + Values.metres(depth) + "] (a corner at " + c + "); move it or make it smaller");
                return false;
            }
        }
        return true;
    }

    Map<String, Prop> props(Optional<YamlNode> root) {
        Map<String, Prop> out = new LinkedHashMap<>();
        root.flatMap(n -> Values.idMapping(n, PROPS, d)).ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                if (checkId(e)) {
                    Fields.of(e.value(), "prop " + e.key(), d).ifPresent(f -> {
                        String description = f.requiredText("description").orElse("");
                        List<FileRef> refs = refs(f, PROPS);
                        f.finish();
                        out.put(e.key(), new Prop(e.key(), description, refs, Values.positions(f.mapping())));
                    });
                }
            }
        });
        return out;
    }

    Style style(Optional<YamlNode> root, film.slate.core.diagnostic.SourcePosition fallback) {
        Optional<Fields> of = root.flatMap(n -> Fields.of(n, STYLE, d));
        if (of.isEmpty()) {
            return new Style(Style.DEFAULT_PROMPT, "", "", List.of(), Positions.of(fallback));
        }
        Fields f = of.get();
        String prompt = f.text("prompt").orElse(Style.DEFAULT_PROMPT);
        Matcher m = PLACEHOLDER.matcher(prompt);
        while (m.find()) {
            if (!Style.PLACEHOLDERS.contains(m.group(1))) {
                f.invalid("prompt", "uses the placeholder {" + m.group(1) + "}, which no shot has; use one of {"
                        + String.join("}, {", Style.PLACEHOLDERS) + "}");
            }
        }
        String look = f.text("look").orElse("");
        String negative = f.text("negative").orElse("");
        List<String> palette = f.textList("palette");
        for (String c : palette) {
            if (!COLOR.matcher(c).matches()) {
                f.invalid("palette", "holds '" + c + "'; write each colour as \"#rrggbb\"");
            }
        }
        f.finish();
        return new Style(prompt, look, negative, palette, Values.positions(f.mapping()));
    }

    private boolean checkId(YamlMapping.Entry e) {
        if (ENTRY_ID.matcher(e.key()).matches()) {
            return true;
        }
        d.add(Rule.SCHEMA_FIELD, e.keyPosition(), "the id '" + e.key()
                + "' should be letters, digits, '_' and '-' (e.g. LAMP_ROOM); rename it");
        return false;
    }

    private List<FileRef> refs(Fields f, String file) {
        List<FileRef> out = new ArrayList<>();
        f.node("refs").ifPresent(n -> {
            for (YamlNode item : Fields.items(n)) {
                f.asText(item, "'refs' of " + f.what())
                        .flatMap(p -> files.resolve(file, p, item.position(), true, d))
                        .ifPresent(out::add);
            }
        });
        return out;
    }

}
