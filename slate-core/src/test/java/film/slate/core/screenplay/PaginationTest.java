package film.slate.core.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.fountain.Fountain;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaginationTest {
    private static final int PAGE = PageLayout.STANDARD.linesPerPage();

    private static Screenplay screenplay(String text) {
        return Screenplay.of(Fountain.parse("s.fountain", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneLineBlocksFillAPageExactly() {
        // 28 one-line paragraphs: 1 + 27 * (blank + line) = 55 lines, one full page; the 29th starts page 2.
        StringBuilder s = new StringBuilder("INT. A - DAY\n\n");
        for (int i = 0; i < 27; i++) {
            s.append("Line ").append(i).append(".\n\n");
        }
        Pagination full = Pagination.of(screenplay(s.toString()));
        assertThat(full.pageCount()).isEqualTo(1);
        assertThat(full.printedLines()).isEqualTo(PAGE);
        assertThat(full.totalEighths()).isEqualTo(8);

        Pagination over = Pagination.of(screenplay(s + "One more.\n"));
        assertThat(over.pageCount()).isEqualTo(2);
        assertThat(over.printedLines()).isEqualTo(PAGE + 1);
    }

    @Test
    void aLongSpeechSplitsWithMoreAndContd() {
        StringBuilder s = new StringBuilder("MARA\n");
        for (int i = 0; i < 120; i++) {
            s.append("Word ").append(i).append('\n');
        }
        // Page 1: cue, 53 lines, (MORE). Page 2: MARA (CONT'D), 53 lines, (MORE). Page 3: cue and 14 lines.
        Pagination p = Pagination.of(screenplay(s.toString()));
        assertThat(p.pageCount()).isEqualTo(3);
        assertThat(p.printedLines()).isEqualTo(2 * PAGE + 15);
    }

    @Test
    void aSpeechThatCannotKeepTwoLinesMovesWhole() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 26; i++) { // 1 + 25 * 2 = 51 lines, then the gap: 52; 3 lines are left
            s.append("Line ").append(i).append(".\n\n");
        }
        s.append("MARA\nOne.\nTwo.\nThree.\n");
        Pagination p = Pagination.of(screenplay(s.toString()));
        assertThat(p.printedLines()).isEqualTo(PAGE + 4);
    }

    @Test
    void aHeadingAtTheFootOfAPageMovesToTheNext() {
        StringBuilder s = new StringBuilder("INT. A - DAY\n\n");
        for (int i = 0; i < 26; i++) { // heading + 26 * 2 = 53 lines
            s.append("Line ").append(i).append(".\n\n");
        }
        s.append("INT. B - NIGHT\n\nThey sleep.\n");
        Screenplay sp = screenplay(s.toString());
        Pagination p = Pagination.of(sp);
        assertThat(p.startPage(sp.scenes().get(1))).isEqualTo(2);
        assertThat(p.printedLines()).isEqualTo(PAGE + 3);
        assertThat(p.sceneEighths()).containsExactly(8, 1);
    }

    @Test
    void aPageBreakStartsANewPageAndHiddenTextDoesNotPrint() {
        Pagination p = Pagination.of(screenplay("INT. A - DAY\n\n[[note]]\n\n# Act\n= synopsis\n\n/* cut */\n\n"
                + "Action.\n\n===\n\nMore.\n"));
        assertThat(p.pageCount()).isEqualTo(2);
        assertThat(p.printedLines()).isEqualTo(PAGE + 1);
    }

    @ParameterizedTest
    @CsvSource({"60,1", "61,2", "120,2", "121,3"})
    void wrapsAtTheWidth(int length, int lines) {
        String words = "abcd ".repeat(length / 5 + 1).substring(0, length);
        assertThat(PageLayout.lines(words, 60)).isEqualTo(words.endsWith(" ") ? PageLayout.lines(words.strip(), 60)
                : lines);
        assertThat(PageLayout.lines("x".repeat(length), 60)).isEqualTo(lines);
        assertThat(PageLayout.lines("a\n\nb", 60)).isEqualTo(3);
    }

    /**
     * The page count of a long script against an independent count: the generator writes every
     * line narrower than its printed width, so its own tally of written lines plus one blank line
     * per element is the printed length before page breaks. The standard layout's page breaks
     * (headings kept with what follows, widows and orphans, (MORE)/(CONT'D)) may only add to that,
     * and must add less than 2% on a feature-length script, which is what such rules cost on real
     * scripts (a line or so a page). At 55 lines a page this is also the "a page a minute" count.
     */
    @ParameterizedTest
    @CsvSource({"1,110", "2,110", "3,150", "4,150", "5,120"})
    void longScriptsPaginateWithinTwoPercentOfTheStandardCount(long seed, int pages) {
        ScreenplayGenerator g = new ScreenplayGenerator(seed);
        Screenplay sp = screenplay(g.write(pages));
        Pagination p = Pagination.of(sp);

        assertThat(p.printedLines()).isBetween(g.idealLines(), (int) Math.floor(g.idealLines() * 1.02));
        assertThat(p.pageCount()).isEqualTo((p.printedLines() + PAGE - 1) / PAGE);
        assertThat(Math.abs(p.pageCount() - pages)).isLessThanOrEqualTo(Math.max(2, pages * 2 / 100));
        int rounded = (int) Math.round(p.printedLines() * 8.0 / PAGE);
        assertThat(p.totalEighths()).isBetween(rounded, rounded + sp.scenes().size() / 8);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void sceneEighthsAreAtLeastOneAndAddUpToTheTotal(long seed) {
        Random random = new Random(seed);
        for (int trial = 0; trial < 20; trial++) {
            ScreenplayGenerator g = new ScreenplayGenerator(random.nextLong());
            String text = g.write(1 + random.nextInt(12));
            if (random.nextBoolean()) { // cut it anywhere: scenes of a line or two
                text = text.substring(0, random.nextInt(text.length()));
            }
            Screenplay sp = screenplay(text);
            Pagination p = Pagination.of(sp);
            assertThat(p.sceneEighths()).hasSize(sp.scenes().size()).allMatch(e -> e >= 1);
            assertThat(p.sceneEighths().stream().mapToInt(Integer::intValue).sum()).isEqualTo(p.totalEighths());
            int rounded = (int) Math.round(p.printedLines() * 8.0 / PAGE);
            if (sp.scenes().isEmpty()) {
                assertThat(p.totalEighths()).isZero();
            } else { // the printed length, plus at most an eighth for each scene raised to its minimum
                assertThat(p.totalEighths()).isBetween(rounded, rounded + sp.scenes().size());
            }
        }
    }

    @Test
    void tinyScenesStillGetAnEighthEach() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append("INT. ROOM ").append(i).append(" - DAY\n\n");
        }
        Pagination p = Pagination.of(screenplay(s.toString()));
        assertThat(p.sceneEighths()).hasSize(20).containsOnly(1);
        assertThat(p.totalEighths()).isEqualTo(20);
    }

    @Test
    void allocationKeepsTheTotal() {
        assertThat(Pagination.allocate(new double[] {0.2, 0.3, 7.5}, 8)).containsExactly(1, 1, 7);
        assertThat(Pagination.allocate(new double[] {0.2, 0.3, 7.5}, 3)).containsExactly(1, 1, 7);
        assertThat(Pagination.allocate(new double[] {2.6, 2.6, 2.8}, 8)).containsExactly(3, 2, 3);
        assertThat(Pagination.formatEighths(3)).isEqualTo("3/8");
        assertThat(Pagination.formatEighths(16)).isEqualTo("2");
        assertThat(Pagination.formatEighths(21)).isEqualTo("2 5/8");
    }
}
