package film.slate.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A flat JSON object (text, whole and real numbers), written straight into text: the very bytes
 * Jackson writes for the same fields put in the same order into an {@code ObjectNode}, without
 * the tree, its serializers and its generator for every take (a receipt and two events' details
 * each). What Jackson alone decides (a string with a surrogate, a number that is not finite) is
 * handed to Jackson itself, so no input writes otherwise than before.
 */
public final class FlatJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The fields in order: names, then a String, Long or Double each. */
    private final List<Object> fields = new ArrayList<>(24);

    public FlatJson put(String name, String value) {
        return field(name, value);
    }

    public FlatJson put(String name, long value) {
        return field(name, value);
    }

    public FlatJson put(String name, double value) {
        return field(name, value);
    }

    private FlatJson field(String name, Object value) {
        fields.add(name);
        fields.add(value);
        return this;
    }

    /** The object as text ({@code ObjectNode.toString()}'s). */
    public String text() {
        String text = written();
        return text != null ? text : tree().toString();
    }

    /** The object's UTF-8 bytes ({@code ObjectMapper.writeValueAsBytes}'s, which differ from the text's for surrogates). */
    public byte[] bytes() {
        String text = written();
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(tree());
        } catch (IOException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** The text, written here; null when Jackson decides (see the class). */
    private String written() {
        StringBuilder text = new StringBuilder(320).append('{');
        for (int i = 0; i < fields.size(); i += 2) {
            Object value = fields.get(i + 1);
            if (!plain((String) fields.get(i)) || value instanceof String s && !plain(s)
                    || value instanceof Double d && !Double.isFinite(d)) {
                return null;
            }
            if (i > 0) {
                text.append(',');
            }
            string((String) fields.get(i), text);
            text.append(':');
            if (value instanceof String s) {
                string(s, text);
            } else {
                text.append(value); // Long.toString and Double.toString: what Jackson writes for finite numbers
            }
        }
        return text.append('}').toString();
    }

    private ObjectNode tree() {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < fields.size(); i += 2) {
            String name = (String) fields.get(i);
            Object value = fields.get(i + 1);
            if (value instanceof String s) {
                o.put(name, s);
            } else if (value instanceof Long l) {
                o.put(name, l);
            } else {
                o.put(name, (Double) value);
            }
        }
        return o;
    }

    /** No surrogate (Jackson's own rules for those): every other character is written below as Jackson does. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Jackson's escapes: quote, backslash, the five short ones, a six-character escape in upper-case hex for other controls. */
    private static void string(String s, StringBuilder text) {
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\b' -> text.append("\\b");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\f' -> text.append("\\f");
                case '\r' -> text.append("\\r");
                default -> {
                    if (c < 0x20) {
                        text.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
