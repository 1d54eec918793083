package film.slate.core.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The tree of a text in exactly the form {@link CanonicalJson} writes, read in one pass that
 * accepts no other form: no whitespace, members in strictly rising order of their names' UTF-16
 * code units, strings with exactly the minimal escapes, numbers exactly as {@link
 * CanonicalJson#number} writes their double. So a text it reads is {@code CanonicalJson.text} of
 * the tree it returns; a text it refuses may still be JSON ({@link Recipe#parse} reads any).
 * The tree's values are those Jackson reads from the same text (numbers as their doubles).
 */
final class CanonicalTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deeper than any recipe: a deeper text is left to Jackson's parser, which limits nesting itself. */
    private static final int DEPTH = 32;
    /**
     * A decimal of at most this many significant digits is the only one of that length to read as its
     * double (DBL_DIG), so it is the shortest that does, which is what {@link CanonicalJson#number} writes.
     */
    private static final int UNIQUE_DIGITS = 15;

    private final String text;
    private int at;

    private CanonicalTree(String text) {
        this.text = text;
    }

    /** The object {@code text} is the canonical text of; empty when it is anything else. */
    static Optional<ObjectNode> object(String text) {
        CanonicalTree reader = new CanonicalTree(text);
        JsonNode tree = reader.peek() == '{' ? reader.value(0) : null;
        return tree != null && reader.at == text.length() ? Optional.of((ObjectNode) tree) : Optional.empty();
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private boolean next(char c) {
        if (peek() == c) {
            at++;
            return true;
        }
        return false;
    }

    /** The value at the cursor, or null when it is not in canonical form (the reader then stops). */
    private JsonNode value(int depth) {
        return switch (peek()) {
            case '{' -> depth < DEPTH ? object(depth + 1) : null;
            case '[' -> depth < DEPTH ? array(depth + 1) : null;
            case '"' -> {
                String s = string();
                yield s == null ? null : NODES.textNode(s);
            }
            case 't' -> word("true") ? BooleanNode.TRUE : null;
            case 'f' -> word("false") ? BooleanNode.FALSE : null;
            case 'n' -> word("null") ? NullNode.getInstance() : null;
            default -> number();
        };
    }

    private boolean word(String w) {
        if (text.startsWith(w, at)) {
            at += w.length();
            return true;
        }
        return false;
    }

    private ObjectNode object(int depth) {
        at++;
        ObjectNode o = NODES.objectNode();
        if (next('}')) {
            return o;
        }
        String last = null;
        do {
            String key = peek() == '"' ? string() : null;
            // String.compareTo orders by UTF-16 code units, as CanonicalJson sorts; equal names are a duplicate
            if (key == null || last != null && last.compareTo(key) >= 0 || !next(':')) {
                return null;
            }
            JsonNode v = value(depth);
            if (v == null) {
                return null;
            }
            o.set(key, v);
            last = key;
        } while (next(','));
        return next('}') ? o : null;
    }

    private JsonNode array(int depth) {
        at++;
        var a = NODES.arrayNode();
        if (next(']')) {
            return a;
        }
        do {
            JsonNode v = value(depth);
            if (v == null) {
                return null;
            }
            a.add(v);
        } while (next(','));
        return next(']') ? a : null;
    }

    /** The string at the cursor (its opening quote), or null when it is escaped otherwise than minimally. */
    private String string() {
        int from = ++at;
        StringBuilder unescaped = null;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                String s = unescaped == null ? text.substring(from, at) : unescaped.append(text, from, at).toString();
                at++;
                return s;
            }
            if (c < 0x20) {
                return null; // CanonicalJson escapes every control character
            }
            if (c == '\\') {
                unescaped = unescaped == null ? new StringBuilder() : unescaped;
                unescaped.append(text, from, at);
                int e = escaped();
                if (e < 0) {
                    return null;
                }
                unescaped.append((char) e);
                from = at;
            } else {
                at++;
            }
        }
        return null;
    }

    /** The character of the escape at the cursor when it is the one CanonicalJson writes for it; else -1. */
    private int escaped() {
        char e = at + 1 < text.length() ? text.charAt(at + 1) : 0;
        at += 2;
        return switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                // only the control characters without a short escape, in lower-case hex (backslash, u, 0, 0, two digits)
                if (at + 4 > text.length() || !text.startsWith("00", at)) {
                    yield -1;
                }
                int c = lowerHex(text.charAt(at + 2)) * 16 + lowerHex(text.charAt(at + 3));
                at += 4;
                boolean shortOne = c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t';
                yield c >= 0 && c < 0x20 && !shortOne ? c : -1;
            }
            default -> -1;
        };
    }

    /**
     * The number at the cursor, or null when it is not JSON's grammar or not the text {@link
     * CanonicalJson#number} writes for its double. Plain decimals of at most {@link #UNIQUE_DIGITS}
     * significant digits (nearly all of a recipe's) are checked by their form alone; others by writing
     * their double.
     */
    private JsonNode number() {
        int from = at;
        next('-');
        int whole = at;
        while (digit(peek())) {
            at++;
        }
        int point = at;
        if (point == whole || text.charAt(whole) == '0' && point - whole > 1) {
            return null; // no digits, or a leading zero
        }
        int fraction = point;
        if (next('.')) {
            fraction = at;
            while (digit(peek())) {
                at++;
            }
            if (at == fraction) {
                return null;
            }
        }
        int end = at;
        boolean exponent = peek() == 'e' || peek() == 'E';
        if (exponent) {
            at++;
            if (!next('+')) {
                next('-');
            }
            int digits = at;
            while (digit(peek())) {
                at++;
            }
            if (at == digits) {
                return null;
            }
        }
        String t = text.substring(from, at);
        boolean integer = fraction == point && !exponent;
        if (!(integer ? plainInteger(t, whole, point) : !exponent && plainFraction(whole, point, fraction, end))
                && !writtenAs(t)) {
            return null;
        }
        if (!integer) {
            return NODES.numberNode(Double.parseDouble(t));
        }
        // as Jackson reads whole numbers: an int, a long, then a BigInteger
        BigInteger v = point - whole <= 18 ? null : new BigInteger(t);
        long n = v == null ? Long.parseLong(t) : v.longValue();
        if (v != null && v.bitLength() >= 64) {
            return NODES.numberNode(v);
        }
        return n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n);
    }

    /** A lower-case hex digit's value; any other character makes the escape's value negative. */
    private static int lowerHex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -0x100;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A whole number CanonicalJson writes as {@code Long.toString}: at most 15 digits, no negative zero. */
    private boolean plainInteger(String t, int whole, int point) {
        return point - whole <= UNIQUE_DIGITS && !t.equals("-0");
    }

    /**
     * {@code I.F} in ECMAScript's plain form, of at most 15 significant digits: {@code F} ends in a
     * non-zero digit, and a number below 1 has at most five zeros after the point.
     */
    private boolean plainFraction(int whole, int point, int fraction, int end) {
        if (text.charAt(end - 1) == '0') {
            return false;
        }
        if (point - whole == 1 && text.charAt(whole) == '0') {
            int zeros = 0;
            while (text.charAt(fraction + zeros) == '0') {
                zeros++;
            }
            return zeros <= 5 && end - fraction - zeros <= UNIQUE_DIGITS;
        }
        return point - whole + end - fraction <= UNIQUE_DIGITS;
    }

    /** Whether {@code t} is what CanonicalJson writes for the double it reads as. */
    private static boolean writtenAs(String t) {
        double d = Double.parseDouble(t);
        return Double.isFinite(d) && CanonicalJson.number(d).equals(t);
    }
}
