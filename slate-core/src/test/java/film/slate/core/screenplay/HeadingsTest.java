package film.slate.core.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.fountain.Fountain;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Time of day and location read from headings as published screenplays write them (issue 11). */
class HeadingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INT. HOSPITAL ROOM - NIGHT (1973)|NIGHT|false|HOSPITAL ROOM|INT",
        "INT. HOSPITAL ROOM - DAY [LATER]|DAY|false|HOSPITAL ROOM|INT",
        "INT. HOSPITAL ROOM - PRE-DAWN|PRE-DAWN|false|HOSPITAL ROOM|INT",
        "INT. HOSPITAL ROOM -- LATE AFTERNOON|LATE AFTERNOON|false|HOSPITAL ROOM|INT",
        "INT. HOSPITAL ROOM - CONTINUOUS|CONTINUOUS|true|HOSPITAL ROOM|INT",
        "INT. HOSPITAL ROOM - MOMENTS LATER|MOMENTS LATER|true|HOSPITAL ROOM|INT",
        "INT. HOSPITAL ROOM - SAME|SAME|true|HOSPITAL ROOM|INT",
        "INT. HOSPITAL ROOM - LATER|LATER|true|HOSPITAL ROOM|INT",
        "INT. HOSPITAL ROOM (1973) - NIGHT|NIGHT|false|HOSPITAL ROOM|INT",
        "INT. HOSPITAL ROOM - NIGHT - FLASHBACK|NIGHT|false|HOSPITAL ROOM|INT",
        "EXT. HARBOUR \u2013 EARLY MORNING, 1952|EARLY MORNING|false|HARBOUR|EXT",
        "I./E. CAR - MOVING - NIGHT|NIGHT|false|CAR - MOVING|INT/EXT",
        "EXT. LIGHTHOUSE - GALLERY|''|false|LIGHTHOUSE - GALLERY|EXT",
        "EXT. DAY CARE CENTRE - NIGHT|NIGHT|false|DAY CARE CENTRE|EXT",
        "int. kitchen - late night|LATE NIGHT|false|kitchen|INT"})
    void readsTimeAndLocationOfRealHeadings(String heading, String time, boolean carries, String location,
            String interior) {
        Headings.Read read = Headings.read(heading);

        assertThat(read.time()).isEqualTo(time);
        assertThat(read.carriesOver()).isEqualTo(carries);
        assertThat(read.location()).isEqualTo(location);
        assertThat(read.interior()).isEqualTo(interior);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"DAY|DAY", "LATE AFTERNOON|DAY", "PRE-DAWN|NIGHT", "DAWN|DAY",
        "DUSK|NIGHT", "EARLY MORNING|DAY", "LATE NIGHT|NIGHT", "MAGIC HOUR|NIGHT", "NOON|DAY", "''|''"})
    void stripboardsCountDayOrNight(String time, String dayOrNight) {
        assertThat(HeadingTime.dayOrNight(time)).isEqualTo(dayOrNight);
    }

    @Test
    void carryOverWordsInheritThePreviousScenesTimeAndSaySo() {
        Screenplay s = Screenplay.of(Fountain.parse("s.fountain", String.join("\n\n",
                "EXT. PIER - NIGHT (1973)", "Rain.", "INT. HOSPITAL ROOM - CONTINUOUS", "Beeping.",
                "INT. HOSPITAL ROOM - MOMENTS LATER", "Quiet.", "INT. HOSPITAL ROOM - DAY [LATER]", "Sun.",
                "INT. HOSPITAL ROOM - SAME", "Still sun.", "INT. HOSPITAL ROOM - LATER", "Dusk falls.",
                "INT. HOSPITAL ROOM - LATE AFTERNOON", "End.").getBytes(StandardCharsets.UTF_8)));

        assertThat(s.scenes()).extracting(ScriptScene::time)
                .containsExactly("NIGHT", "NIGHT", "NIGHT", "DAY", "DAY", "DAY", "LATE AFTERNOON");
        assertThat(s.scenes()).extracting(ScriptScene::carriedOver)
                .containsExactly("", "CONTINUOUS", "MOMENTS LATER", "", "SAME", "LATER", "");
        List<String> locations = s.scenes().stream().skip(1).map(ScriptScene::location).distinct().toList();
        assertThat(locations).containsExactly("HOSPITAL ROOM");
    }
}
