package film.slate.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which FFmpeg is asked to filter an input's packets (stills of a master from one decoder): releases 7.0 on only. */
class FfmpegVersionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ffmpeg version 8.1.2 Copyright (c) 2000-2026 the FFmpeg developers | true",
        "ffmpeg version 7.0.2-3ubuntu1 Copyright (c) 2000-2024 the FFmpeg developers | true",
        "ffmpeg version n7.1 Copyright (c) 2000-2024 the FFmpeg developers | true",
        "ffmpeg version 10.0 Copyright | true",
        "ffmpeg version 6.1.1-3ubuntu5 Copyright (c) 2000-2023 the FFmpeg developers | false",
        "ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers | false",
        "ffmpeg version 4.4.2-0ubuntu0.22.04.1 Copyright | false",
        "ffmpeg version N-112345-g1234abcd Copyright (c) 2000-2025 the FFmpeg developers | false",
        "ffmpeg version git-2024-01-01 Copyright | false",
        "' ' | false",
    })
    void onlyAReleaseOfSevenOrLaterFiltersInputPackets(String line, boolean filters) {
        assertThat(Ffmpeg.filtersInputPackets(line.strip())).as(line).isEqualTo(filters);
    }

    @Test
    void theBundledFfmpegDoes() {
        assertThat(Ffmpeg.find().filtersInputPackets()).isTrue();
    }
}
