package film.slate.deliver.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.deliver.testing.StudioCa;
import java.security.Signature;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key-and-certificate check (the key's public point against the certificate's) and the signature
 * on each curve: a pair passes exactly when the key is the certificate's, whatever the curves, and
 * what is signed verifies with the JDK's own ECDSA.
 */
class SigningIdentityTest {
    private static final LocalDate ON = LocalDate.of(2026, 12, 3);
    private static final List<String> CURVES = List.of("secp256r1", "secp384r1", "secp521r1");
    private static final Map<String, StudioCa.Issued> ISSUED = new ConcurrentHashMap<>();
    private static final String MISMATCH = "the key does not belong to the certificate";

    /** A few signers per curve, made once for the class (making one costs more than checking it). */
    private static StudioCa.Issued issued(String curve, int n) {
        return ISSUED.computeIfAbsent(curve + n, k -> {
            try {
                return StudioCa.issue(curve, StudioCa.Flaw.NONE, ON);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static SigningIdentity identity(StudioCa.Issued chain, StudioCa.Issued key) throws Exception {
        return new SigningIdentity(SigningIdentity.privateKey(key.keyPem(), "key"),
                SigningIdentity.certificates(chain.chainPem(), "chain"), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void aPairPassesExactlyWhenTheKeyIsTheCertificatesOnAnyCurve(String certCurve) throws Exception {
        for (String keyCurve : CURVES) {
            for (int keyN = 0; keyN < 2; keyN++) {
                SigningIdentity id = identity(issued(certCurve, 0), issued(keyCurve, keyN));
                if (certCurve.equals(keyCurve) && keyN == 0) {
                    assertThatCode(() -> id.checkPair(SigningException.Part.KEY, MISMATCH)).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> id.checkPair(SigningException.Part.KEY, MISMATCH))
                            .isInstanceOf(SigningException.class).hasMessage(MISMATCH);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void whatIsSignedVerifiesWithTheJdksEcdsaAndSigningAgainGivesTheSameBytes(long seed) throws Exception {
        Random r = new Random(seed);
        String curve = CURVES.get(r.nextInt(CURVES.size()));
        SigningIdentity id = identity(issued(curve, 0), issued(curve, 0));
        SigningAlgorithm alg = id.algorithm();
        byte[] message = new byte[1 + r.nextInt(2000)];
        r.nextBytes(message);
        byte[] signature = ClaimSignature.p1363(ClaimSignature.ecdsa(id.key(), alg, message), alg);
        Signature jdk = Signature.getInstance("SHA" + (alg == SigningAlgorithm.ES256 ? 256 : alg == SigningAlgorithm.ES384
                ? 384 : 512) + "withECDSAinP1363Format");
        jdk.initVerify(id.signer().getPublicKey());
        jdk.update(message);
        assertThat(jdk.verify(signature)).isTrue();
        assertThat(ClaimSignature.p1363(ClaimSignature.ecdsa(id.key(), alg, message), alg)).isEqualTo(signature);
        message[r.nextInt(message.length)] ^= 1;
        jdk.update(message);
        assertThat(jdk.verify(signature)).isFalse();
    }
}
