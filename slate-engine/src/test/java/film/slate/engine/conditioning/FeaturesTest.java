package film.slate.engine.conditioning;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.engine.generator.Capability;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every backend declares what it can do from the conditioning files it takes, the same way. */
class FeaturesTest {
    @ParameterizedTest
    @CsvSource({
        "'', TEXT_TO_VIDEO",
        "control_video, TEXT_TO_VIDEO CONTROL_VIDEO",
        "control, TEXT_TO_VIDEO CONTROL_VIDEO IMAGE_TO_VIDEO",
        "layout reference, TEXT_TO_VIDEO CONTROL_VIDEO IMAGE_TO_VIDEO REFERENCE_IMAGES",
        "reference mask, TEXT_TO_VIDEO REFERENCE_IMAGES REGION_EDIT"})
    void featuresFollowTheFilesTaken(String files, String expected) {
        Set<String> keys = Arrays.stream(files.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        Set<Capability> want = Arrays.stream(expected.split(" ")).map(Capability::valueOf).collect(Collectors.toSet());
        assertThat(Conditioning.features(keys)).isEqualTo(want);
    }
}
