package film.slate.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A small object stored beside every take as it is recorded, {@code {"kind":"slate/take",...}}:
 * which shot, take and recipe its master, proxy and depth belong to. The database is the record;
 * the receipt is what {@code slate verify --repair} adopts a take from when the database lost it
 * (a lost WAL, a restored backup). The recipe's own body is stored as an object too, named by the
 * recipe's id (which is the hash of that body).
 */
public record TakeReceipt(String shot, int take, String recipe, String backend, String master, Optional<String> proxy,
        Optional<String> depth, long startedAt, long finishedAt, OptionalDouble cost) {
    static final String KIND = "slate/take";
    /** Receipts are a few hundred bytes; larger objects are not read to look for them. */
    private static final long MAX = 16 << 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code 1/1A#2}. */
    public String label() {
        return shot + "#" + take;
    }

    /**
     * The receipt's bytes (fields in a fixed order, so the same take gives the same object), written
     * straight to Jackson's generator: the bytes a tree of the same fields gives, without the tree
     * (one a take, on the farm's recording path).
     */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(384);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("kind", KIND);
            g.writeStringField("shot", shot);
            g.writeNumberField("take", take);
            g.writeStringField("recipe", recipe);
            g.writeStringField("backend", backend);
            g.writeStringField("master", master);
            if (proxy.isPresent()) {
                g.writeStringField("proxy", proxy.get());
            }
            if (depth.isPresent()) {
                g.writeStringField("depth", depth.get());
            }
            g.writeNumberField("started_at", startedAt);
            g.writeNumberField("finished_at", finishedAt);
            if (cost.isPresent()) {
                g.writeNumberField("cost", cost.getAsDouble());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("plain values always serialise to memory", e);
        }
        return out.toByteArray();
    }

    /** The receipt that {@code bytes} hold, if they are one. */
    static Optional<TakeReceipt> parse(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != '{') {
            return Optional.empty();
        }
        try {
            JsonNode o = JSON.readTree(bytes);
            if (!o.path("kind").asText().equals(KIND) || !o.path("master").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new TakeReceipt(o.path("shot").asText(), o.path("take").asInt(), o.path("recipe").asText(),
                    o.path("backend").asText(), o.path("master").asText(), text(o, "proxy"), text(o, "depth"),
                    o.path("started_at").asLong(), o.path("finished_at").asLong(),
                    o.has("cost") ? OptionalDouble.of(o.path("cost").asDouble()) : OptionalDouble.empty()));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode o, String field) {
        return o.path(field).isTextual() ? Optional.of(o.path(field).asText()) : Optional.empty();
    }

    /** Every sound receipt in the store, with the name of the object that holds it. */
    public static List<Found> scan(ObjectStore objects) throws IOException {
        List<Found> out = new ArrayList<>();
        for (String hash : objects.all()) {
            Optional<Long> size = objects.size(hash);
            if (size.isEmpty() || size.get() > MAX) {
                continue;
            }
            try {
                parse(objects.read(hash)).ifPresent(r -> out.add(new Found(hash, r)));
            } catch (DamagedObjectException e) {
                // verify reports the damage; a damaged receipt proves nothing
            }
        }
        return out;
    }

    /** A receipt and the object that holds it. */
    public record Found(String object, TakeReceipt receipt) {
    }

    /** The objects it names. */
    public List<String> objects() {
        List<String> out = new ArrayList<>(List.of(master));
        proxy.ifPresent(out::add);
        depth.ifPresent(out::add);
        return out;
    }
}
