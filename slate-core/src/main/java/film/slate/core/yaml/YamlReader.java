package film.slate.core.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into {@link YamlNode}s. Total: whatever the bytes, the result is a tree
 * or empty, with every fault reported as {@code syntax/yaml} at its position.
 */
public final class YamlReader {
    /** A production file larger than this is a mistake (a video renamed .yaml), not a plan. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /**
     * Longest line read. The YAML scanner slows quadratically on one very long line (a 4 MB line
     * takes seconds); no plan needs more than this, and folded blocks ({@code >}) split long text.
     */
    public static final int MAX_LINE = 16 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 500_000;

    private static final YAMLFactory FACTORY = createFactory();

    private YamlReader() {
    }

    private static YAMLFactory createFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by us, with both positions
        options.setMaxAliasesForCollections(1000);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_BYTES).build());
        return factory;
    }

    /**
     * Parses {@code bytes} (UTF-8, BOM allowed) of the production file {@code file}. Empty when the
     * document is empty or broken; the reason is in {@code diagnostics}.
     */
    public static Optional<YamlNode> read(String file, byte[] bytes, Diagnostics diagnostics) {
        if (bytes.length > MAX_BYTES) {
            diagnostics.add(Rule.SYNTAX_YAML, SourcePosition.ofFile(file), "the file is " + bytes.length
                    + " bytes, more than the " + MAX_BYTES + " a production file may have; is it really YAML?");
            return Optional.empty();
        }
        Optional<String> text = decode(file, bytes, diagnostics);
        if (text.isEmpty() || tooLongLine(file, text.get(), diagnostics)) {
            return Optional.empty();
        }
        try (YAMLParser parser = FACTORY.createParser(text.get())) {
            Builder builder = new Builder(file, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            YamlNode root = builder.value(first, 0);
            if (parser.nextToken() != null) {
                diagnostics.add(Rule.SYNTAX_YAML, builder.here(),
                        "only one YAML document is read per file; remove the second '---' document or move it to a file of its own");
            }
            builder.errors.forEach(diagnostics::add);
            return builder.errors.isEmpty() ? Optional.of(root) : Optional.empty();
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            SourcePosition where = at == null ? SourcePosition.ofFile(file)
                    : SourcePosition.of(file, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
            diagnostics.add(explain(file, text.get(), e.getOriginalMessage()).orElse(Diagnostic.of(Rule.SYNTAX_YAML, where,
                    "this is not valid YAML (" + firstLine(e.getOriginalMessage()) + "); check indentation, colons and quotes here")));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // SnakeYAML's own limits and internal faults surface as runtime exceptions.
            diagnostics.add(explain(file, text.get(), String.valueOf(e.getMessage())).orElse(Diagnostic.of(Rule.SYNTAX_YAML,
                    SourcePosition.ofFile(file), "this file cannot be read as YAML (" + firstLine(String.valueOf(e.getMessage()))
                            + "); simplify it or fix the syntax")));
            return Optional.empty();
        }
    }

    /**
     * The two faults the YAML scanner places badly, placed where a person would look: a control
     * character (the scanner says only "special characters are not allowed", at the top of the file)
     * and a line indented with a tab (reported at the end of the line before it).
     */
    private static Optional<Diagnostic> explain(String file, String text, String fault) {
        int line = 1;
        int column = 1;
        Optional<Diagnostic> tab = Optional.empty();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7f) {
                return Optional.of(Diagnostic.of(Rule.SYNTAX_YAML, SourcePosition.of(file, line, column), String.format(
                        java.util.Locale.ROOT, "the control character U+%04X stands here; remove it (is this really a text file?)", (int) c)));
            }
            if (c == '\t' && column == 1 && tab.isEmpty() && fault != null && fault.contains("\\t")) {
                tab = Optional.of(Diagnostic.of(Rule.SYNTAX_YAML, SourcePosition.of(file, line, 1),
                        "this line is indented with a tab; YAML indents with spaces only"));
            }
            column++;
        }
        return tab;
    }

    private static boolean tooLongLine(String file, String text, Diagnostics diagnostics) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    diagnostics.add(Rule.SYNTAX_YAML, SourcePosition.of(file, line, 1), "line " + line + " is " + (i - start)
                            + " characters long, more than the " + MAX_LINE + " Slate reads; break it up (a folded block '>' splits long text)");
                    return true;
                }
                line++;
                start = i + 1;
            }
        }
        return false;
    }

    private static Optional<String> decode(String file, byte[] bytes, Diagnostics diagnostics) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            String s = chars.toString();
            return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
        } catch (CharacterCodingException e) {
            int offset = firstBadByte(bytes);
            int line = 1;
            int column = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            String what = e instanceof MalformedInputException ? "a byte sequence that is not UTF-8" : "an unmappable character";
            diagnostics.add(Rule.SYNTAX_YAML, SourcePosition.of(file, line, column),
                    "the file holds " + what + " here; save it as UTF-8");
            return Optional.empty();
        }
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        decoder.decode(in, out, true);
        return in.position();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown fault";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }

    /** Turns the token stream into nodes, resolving aliases to the anchored node (shared, never copied). */
    private static final class Builder {
        private final String file;
        private final YAMLParser parser;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private final List<Diagnostic> errors = new ArrayList<>();
        private int nodes;

        Builder(String file, YAMLParser parser) {
            this.file = file;
            this.parser = parser;
        }

        SourcePosition here() {
            JsonLocation at = parser.currentTokenLocation();
            return SourcePosition.of(file, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
        }

        private void error(SourcePosition at, String message) {
            errors.add(Diagnostic.of(Rule.SYNTAX_YAML, at, message));
        }

        YamlNode value(JsonToken token, int depth) throws IOException {
            if (++nodes > MAX_NODES) {
                throw new IllegalStateException("more than " + MAX_NODES + " values");
            }
            SourcePosition at = here();
            if (parser.isCurrentAlias()) {
                String name = parser.getText();
                YamlNode target = anchors.get(name);
                if (target == null) {
                    error(at, "the alias *" + name + " names no anchor above it; define &" + name + " first");
                    return new YamlScalar("", YamlScalar.Kind.NULL, at);
                }
                return target;
            }
            String anchor = parser.getObjectId();
            YamlNode node = switch (token) {
                case START_OBJECT -> mapping(at, depth);
                case START_ARRAY -> sequence(at, depth);
                case VALUE_STRING -> new YamlScalar(parser.getText(), YamlScalar.Kind.STRING, at);
                case VALUE_NUMBER_INT -> new YamlScalar(parser.getText(), YamlScalar.Kind.INTEGER, at);
                case VALUE_NUMBER_FLOAT -> new YamlScalar(parser.getText(), YamlScalar.Kind.FLOAT, at);
                case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(parser.getText(), boolish(parser.getText()), at);
                case VALUE_NULL -> new YamlScalar("", YamlScalar.Kind.NULL, at);
                default -> new YamlScalar(parser.getText() == null ? "" : parser.getText(), YamlScalar.Kind.STRING, at);
            };
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        /** YAML 1.2's core schema: only true and false are booleans; yes, no, on and off stay words. */
        private static YamlScalar.Kind boolish(String text) {
            return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? YamlScalar.Kind.BOOLEAN
                    : YamlScalar.Kind.STRING;
        }

        private YamlMapping mapping(SourcePosition at, int depth) throws IOException {
            List<YamlMapping.Entry> entries = new ArrayList<>();
            List<YamlMapping.Entry> merged = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            JsonToken t;
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                SourcePosition keyAt = here();
                YamlNode value = value(parser.nextToken(), depth + 1);
                if ("<<".equals(key)) {
                    merge(merged, value, keyAt);
                } else if (!seen.add(key)) {
                    error(keyAt, "the key '" + key + "' appears twice in this mapping; keep one");
                } else {
                    entries.add(new YamlMapping.Entry(key, keyAt, value));
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new IllegalStateException("unterminated mapping");
            }
            // YAML merge keys: what the mapping writes itself wins over what it merges in.
            for (YamlMapping.Entry e : merged) {
                if (seen.add(e.key())) {
                    entries.add(e);
                }
            }
            return new YamlMapping(entries, at);
        }

        /** Collects the entries of a merge key's value ({@code <<: *defaults} or a list of aliases). */
        private void merge(List<YamlMapping.Entry> merged, YamlNode value, SourcePosition at) {
            List<YamlNode> sources = value instanceof YamlSequence seq ? seq.items() : List.of(value);
            for (YamlNode source : sources) {
                if (source instanceof YamlMapping m) {
                    merged.addAll(m.entries());
                } else {
                    error(at, "a merge key '<<' takes a mapping or a list of mappings, not " + source.describe());
                }
            }
        }

        private YamlSequence sequence(SourcePosition at, int depth) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            JsonToken t;
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new IllegalStateException("unterminated list");
                }
                items.add(value(t, depth + 1));
            }
            return new YamlSequence(items, at);
        }
    }
}
