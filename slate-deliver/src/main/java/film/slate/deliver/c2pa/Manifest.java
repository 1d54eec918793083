package film.slate.deliver.c2pa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One C2PA manifest and the store that holds it: assertions (CBOR, in an assertion store), a v2
 * claim that lists each of them by hashed URI, and the claim signature. The hard binding is the
 * last assertion: a {@code c2pa.hash.bmff.v3} filled in by {@link Mp4Credentials} once an MP4's final
 * layout is known, or a sidecar's {@code c2pa.hash.data} ({@link SidecarCredentials}).
 *
 * @param title the asset's name ({@code dc:title})
 * @param id what makes the manifest's label and instance id: the same id gives the same label,
 *     so the same clip conformed twice gives the same bytes
 * @param assertions label to CBOR-ready value, in order
 */
public record Manifest(String title, String id, Map<String, Object> assertions) {
    /** The claim generator named in every claim. */
    public static final String GENERATOR = "Slate";
    static final String CLAIM = "c2pa.claim.v2";
    static final String SIGNATURE = "c2pa.signature";
    static final String ASSERTIONS = "c2pa.assertions";

    public Manifest {
        assertions = new LinkedHashMap<>(assertions);
    }

    /** {@code urn:c2pa:<uuid>}, from the id. */
    public String label() {
        return "urn:c2pa:" + UUID.nameUUIDFromBytes(("slate manifest " + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The claim's {@code instanceID}, from the id: what an ingredient names this asset by. */
    public String instanceId() {
        return "xmp:iid:" + UUID.nameUUIDFromBytes(("slate instance " + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The hashed URI of the assertion {@code label} holding {@code value} in the same manifest: how the
     * claim lists its assertions and how an action names its ingredient.
     */
    public static Map<String, Object> hashedUri(String label, Object value) {
        Map<String, Object> uri = new LinkedHashMap<>();
        uri.put("url", "self#jumbf=" + ASSERTIONS + "/" + label);
        uri.put("hash", ClaimSignature.sha256(Jumbf.payload(Jumbf.CBOR, label, List.of(Jumbf.cbor(Cbor.encode(value))))));
        return uri;
    }

    /** The whole manifest store (a JUMBF superbox), with {@code binding} as the last assertion, signed. */
    public byte[] store(String bindingLabel, Object binding, SigningIdentity identity) {
        return store(bindingLabel, binding, identity, true);
    }

    /**
     * {@link #store} with zeros for the signature: as long as the signed store with a binding of the
     * same shape (a signature's length is fixed by the curve), which sizes the store before the hash
     * it binds is known without signing twice.
     */
    byte[] unsigned(String bindingLabel, Object binding, SigningIdentity identity) {
        return store(bindingLabel, binding, identity, false);
    }

    private byte[] store(String bindingLabel, Object binding, SigningIdentity identity, boolean signed) {
        Map<String, Object> all = new LinkedHashMap<>(assertions);
        all.put(bindingLabel, binding);
        List<byte[]> boxes = new ArrayList<>();
        List<Object> references = new ArrayList<>();
        all.forEach((label, value) -> {
            boxes.add(Jumbf.superbox(Jumbf.CBOR, label, List.of(Jumbf.cbor(Cbor.encode(value)))));
            references.add(hashedUri(label, value));
        });
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("instanceID", instanceId());
        claim.put("claim_generator_info", Map.of("name", GENERATOR));
        claim.put("dc:title", title);
        claim.put("signature", "self#jumbf=/c2pa/" + label() + "/" + SIGNATURE);
        claim.put("created_assertions", references);
        claim.put("alg", "sha256");
        byte[] claimBytes = Cbor.encode(claim);
        byte[] manifest = Jumbf.superbox(Jumbf.MANIFEST, label(), List.of(
                Jumbf.superbox(Jumbf.ASSERTIONS, ASSERTIONS, boxes),
                Jumbf.superbox(Jumbf.CLAIM, CLAIM, List.of(Jumbf.cbor(claimBytes))),
                Jumbf.superbox(Jumbf.SIGNATURE, SIGNATURE, List.of(Jumbf.cbor(signed
                        ? ClaimSignature.sign(identity, claimBytes) : ClaimSignature.placeholder(identity))))));
        return Jumbf.superbox(Jumbf.STORE, "c2pa", List.of(manifest));
    }
}
