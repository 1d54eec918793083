package film.slate.core.screenplay;

/**
 * The printed page a screenplay is counted in: US Letter, Courier 12 pt (10 characters an inch, 6
 * lines an inch), 1 inch top and bottom (9 inches of text: 54 lines, plus the line the page number
 * shares with the top margin in common software, hence 55), action from 1.5 to 7.5 inches.
 *
 * @param linesPerPage text lines on a page
 * @param actionWidth characters on a line of action, a heading, centered text or lone lyrics
 * @param cueWidth characters of a character cue (3.5 to 7.3 inches)
 * @param dialogueWidth characters of dialogue (2.5 to 6.0 inches)
 * @param parentheticalWidth characters of a parenthetical (3.0 to 5.5 inches)
 * @param transitionWidth characters of a transition (5.5 to 7.5 inches)
 * @param dualWidth characters of one side of dual dialogue
 */
public record PageLayout(int linesPerPage, int actionWidth, int cueWidth, int dialogueWidth, int parentheticalWidth,
        int transitionWidth, int dualWidth) {

    /** The layout the industry counts pages in. */
    public static final PageLayout STANDARD = new PageLayout(55, 60, 38, 35, 25, 20, 28);

    public PageLayout {
        if (linesPerPage < 10 || actionWidth < 10 || cueWidth < 5 || dialogueWidth < 5 || parentheticalWidth < 5
                || transitionWidth < 5 || dualWidth < 5) {
            throw new IllegalArgumentException("a page needs at least 10 lines and 5 characters a line");
        }
    }

    /** How many printed lines a text takes at a width: word-wrapped, each written line at least one. */
    public static int lines(String text, int width) {
        int total = 0;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            total += wrappedLines(text, start, end, width);
            start = end + 1;
        }
        return total;
    }

    /** Greedy word wrap of {@code text[from, to)}; a word longer than the width is cut. */
    private static int wrappedLines(String text, int from, int to, int width) {
        int lines = 1;
        int used = 0;
        int i = from;
        while (i < to) {
            while (i < to && text.charAt(i) == ' ') {
                i++;
            }
            int wordStart = i;
            while (i < to && text.charAt(i) != ' ') {
                i++;
            }
            int word = i - wordStart;
            if (word == 0) {
                break;
            }
            int needed = used == 0 ? word : used + 1 + word;
            if (needed <= width) {
                used = needed;
            } else if (used == 0) {
                lines += (word - 1) / width;
                used = word - (word - 1) / width * width;
            } else {
                lines++;
                lines += (word - 1) / width;
                used = word - (word - 1) / width * width;
            }
        }
        return lines;
    }
}
