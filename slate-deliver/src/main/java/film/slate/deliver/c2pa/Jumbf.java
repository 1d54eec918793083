package film.slate.deliver.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * JUMBF boxes (ISO 19566-5) as C2PA uses them: a superbox {@code jumb} opens with a description box
 * {@code jumd} (the content type UUID, toggles "requestable, label present", the label) and holds
 * content boxes or further superboxes. The UUIDs are the C2PA specification's.
 */
public final class Jumbf {
    /** Content types: manifest store, manifest, assertion store, claim, claim signature, CBOR. */
    public static final byte[] STORE = uuid("6332706100110010800000AA00389B71");
    public static final byte[] MANIFEST = uuid("63326D6100110010800000AA00389B71");
    public static final byte[] ASSERTIONS = uuid("6332617300110010800000AA00389B71");
    public static final byte[] CLAIM = uuid("6332636C00110010800000AA00389B71");
    public static final byte[] SIGNATURE = uuid("6332637300110010800000AA00389B71");
    public static final byte[] CBOR = uuid("63626F7200110010800000AA00389B71");

    /** Requestable (bit 0) and label present (bit 1). */
    private static final int TOGGLES = 0x03;

    private Jumbf() {
    }

    /** A superbox of {@code type} labelled {@code label} holding {@code children} (whole boxes). */
    public static byte[] superbox(byte[] type, String label, List<byte[]> children) {
        return box("jumb", payload(type, label, children));
    }

    /**
     * What a superbox holds after its own header: the description box and the children. C2PA hashes
     * an assertion over exactly this.
     */
    public static byte[] payload(byte[] type, String label, List<byte[]> children) {
        ByteArrayOutputStream description = new ByteArrayOutputStream();
        description.writeBytes(type);
        description.write(TOGGLES);
        description.writeBytes(label.getBytes(StandardCharsets.UTF_8));
        description.write(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(box("jumd", description.toByteArray()));
        children.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** A CBOR content box. */
    public static byte[] cbor(byte[] data) {
        return box("cbor", data);
    }

    /** An ISO BMFF box: 32-bit size, four-character type, payload. */
    public static byte[] box(String type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 8 + payload.length;
        out.write(size >>> 24);
        out.write(size >>> 16 & 0xff);
        out.write(size >>> 8 & 0xff);
        out.write(size & 0xff);
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] uuid(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
