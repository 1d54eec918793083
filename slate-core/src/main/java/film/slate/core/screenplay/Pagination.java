package film.slate.core.screenplay;

import film.slate.core.fountain.Element;
import film.slate.core.fountain.ElementType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The pages of a screenplay as a standard layout ({@link PageLayout}) prints them, and each scene's
 * length in eighths of a page, as a first AD counts them.
 *
 * <p>Printing rules: one blank line before every printed element but a page's first, none between
 * a cue and its speech; a scene heading moves to the next page unless it fits with the blank line
 * and two lines of what follows; action splits between lines when at least two lines stay on each
 * page, else moves; a speech splits when the cue and two of its lines fit, ending the page with
 * (MORE) and starting the next with the cue and (CONT'D); anything else moves whole; {@code ===}
 * starts a new page; notes, boneyard, sections and synopses do not print. The title page is not
 * counted.
 *
 * <p>Eighths: a scene runs from its heading to the next heading (what comes before the first
 * heading counts with the first scene), page-bottom space included. The printed length is rounded
 * to eighths and shared among the scenes by largest remainder; a scene shorter than an eighth is
 * counted as one, as a first AD would, which may add to the total. {@link #totalEighths()} is the
 * sum of the scenes' eighths.
 */
public final class Pagination {
    private final PageLayout layout;
    private final int pageCount;
    private final int printedLines;
    private final int[] sceneEighths;
    private final int[] sceneStartPages;
    private final int totalEighths;

    private Pagination(PageLayout layout, int pageCount, int printedLines, int[] sceneEighths,
            int[] sceneStartPages) {
        this.layout = layout;
        this.pageCount = pageCount;
        this.printedLines = printedLines;
        this.sceneEighths = sceneEighths;
        this.sceneStartPages = sceneStartPages;
        this.totalEighths = Arrays.stream(sceneEighths).sum();
    }

    public static Pagination of(Screenplay screenplay) {
        return of(screenplay, PageLayout.STANDARD);
    }

    public static Pagination of(Screenplay screenplay, PageLayout layout) {
        Objects.requireNonNull(layout, "layout");
        List<Block> blocks = blocks(screenplay.document().elements(), layout);
        Printer printer = new Printer(layout.linesPerPage(), Math.max(1, screenplay.scenes().size()));
        for (int b = 0; b < blocks.size(); b++) {
            Block next = b + 1 < blocks.size() ? blocks.get(b + 1) : null;
            printer.print(blocks.get(b), next);
        }
        int end = printer.y();
        int scenes = screenplay.scenes().size();
        int[] eighths;
        int[] startPages = new int[scenes];
        if (scenes == 0) {
            eighths = new int[0];
        } else {
            double[] raw = new double[scenes];
            for (int s = 0; s < scenes; s++) {
                int from = s == 0 ? 0 : printer.sceneStart[s];
                int to = s + 1 < scenes ? printer.sceneStart[s + 1] : end;
                raw[s] = Math.max(0, to - from) * 8.0 / layout.linesPerPage();
                startPages[s] = printer.sceneStart[s] / layout.linesPerPage() + 1;
            }
            eighths = allocate(raw, (int) Math.round(end * 8.0 / layout.linesPerPage()));
        }
        int pages = end == 0 ? 0 : (end - 1) / layout.linesPerPage() + 1;
        return new Pagination(layout, pages, end, eighths, startPages);
    }

    public PageLayout layout() {
        return layout;
    }

    /** Printed pages, the last one partly filled (the title page not counted). */
    public int pageCount() {
        return pageCount;
    }

    /** Line slots used from the top of page 1 to the last printed line, page-bottom space included. */
    public int printedLines() {
        return printedLines;
    }

    /** The script's length in eighths of a page: the sum of the scenes' eighths. */
    public int totalEighths() {
        return totalEighths;
    }

    /** Each scene's length in eighths, in screenplay order (index = ordinal - 1). */
    public List<Integer> sceneEighths() {
        List<Integer> list = new ArrayList<>(sceneEighths.length);
        for (int e : sceneEighths) {
            list.add(e);
        }
        return Collections.unmodifiableList(list);
    }

    /** The length of a scene of this screenplay in eighths. */
    public int eighths(ScriptScene scene) {
        return sceneEighths[scene.ordinal() - 1];
    }

    /** The 1-based page a scene's heading prints on. */
    public int startPage(ScriptScene scene) {
        return sceneStartPages[scene.ordinal() - 1];
    }

    /** Eighths the way a breakdown writes them: {@code 3/8}, {@code 1}, {@code 2 5/8}. */
    public static String formatEighths(int eighths) {
        int whole = eighths / 8;
        int rest = eighths % 8;
        if (rest == 0) {
            return String.valueOf(whole);
        }
        return whole == 0 ? rest + "/8" : whole + " " + rest + "/8";
    }

    /**
     * Whole eighths, at least one each: floors first, then the largest remainders get what is
     * missing to {@code target}. A scene raised to its one-eighth minimum adds to the total rather
     * than taking from its neighbours, so the sum may exceed {@code target}.
     */
    static int[] allocate(double[] raw, int target) {
        int n = raw.length;
        int[] out = new int[n];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(1, (int) Math.floor(raw[i]));
            sum += out[i];
        }
        if (sum < target) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(raw[b] - out[b], raw[a] - out[a]));
            for (int k = 0; sum < target; k = (k + 1) % n) {
                out[order[k]]++;
                sum++;
            }
        }
        return out;
    }

    private enum Kind {
        HEADING, TEXT, SPEECH, WHOLE, PAGE_BREAK
    }

    /** Something printed as a unit: its kind, scene (0-based) and height in lines. */
    private record Block(Kind kind, int scene, int height) {
    }

    private static List<Block> blocks(List<Element> elements, PageLayout layout) {
        List<Block> blocks = new ArrayList<>();
        int scene = 0;
        boolean seenHeading = false;
        int i = 0;
        while (i < elements.size()) {
            Element e = elements.get(i);
            switch (e.type()) {
                case SCENE_HEADING -> {
                    if (seenHeading) {
                        scene++;
                    }
                    seenHeading = true;
                    blocks.add(new Block(Kind.HEADING, scene, PageLayout.lines(e.text(), layout.actionWidth())));
                    i++;
                }
                case ACTION, LYRICS -> {
                    blocks.add(new Block(Kind.TEXT, scene, PageLayout.lines(e.text(), layout.actionWidth())));
                    i++;
                }
                case CENTERED -> {
                    blocks.add(new Block(Kind.WHOLE, scene, PageLayout.lines(e.text(), layout.actionWidth())));
                    i++;
                }
                case TRANSITION -> {
                    blocks.add(new Block(Kind.WHOLE, scene, PageLayout.lines(e.text(), layout.transitionWidth())));
                    i++;
                }
                case PAGE_BREAK -> {
                    blocks.add(new Block(Kind.PAGE_BREAK, scene, 0));
                    i++;
                }
                case CHARACTER -> i = speech(elements, i, layout, scene, blocks);
                case DIALOGUE, PARENTHETICAL -> { // a speech without a cue: print it as dialogue
                    blocks.add(new Block(Kind.SPEECH, scene, PageLayout.lines(e.text(), layout.dialogueWidth())));
                    i++;
                }
                default -> i++; // notes, boneyard, sections and synopses do not print
            }
        }
        return blocks;
    }

    /** A cue and its speech; with dual dialogue, both speeches side by side as one whole block. */
    private static int speech(List<Element> elements, int i, PageLayout layout, int scene, List<Block> into) {
        boolean dual = elements.get(i).dual().isPresent();
        int[] height = new int[2];
        int side = 0;
        int j = i;
        while (j < elements.size()) {
            Element e = elements.get(j);
            if (e.is(ElementType.CHARACTER)) {
                if (j > i && !(dual && side == 0 && e.dual().filter("right"::equals).isPresent())) {
                    break;
                }
                side = j > i ? 1 : 0;
                height[side] += PageLayout.lines(e.text(), dual ? layout.dualWidth() : layout.cueWidth());
            } else if (e.is(ElementType.DIALOGUE) || e.is(ElementType.LYRICS)) {
                height[side] += PageLayout.lines(e.text(), dual ? layout.dualWidth() : layout.dialogueWidth());
            } else if (e.is(ElementType.PARENTHETICAL)) {
                height[side] += PageLayout.lines(e.text(), dual ? layout.dualWidth() : layout.parentheticalWidth());
            } else if (!e.type().isHidden()) {
                break;
            }
            j++;
        }
        if (dual) {
            into.add(new Block(Kind.WHOLE, scene, Math.max(height[0], height[1])));
        } else {
            into.add(new Block(Kind.SPEECH, scene, height[0]));
        }
        return j;
    }

    /** Lays blocks on pages; {@code page * linesPerPage + line} is a global line position. */
    private static final class Printer {
        private final int perPage;
        private final int[] sceneStart;
        private int page;
        private int line;

        Printer(int perPage, int scenes) {
            this.perPage = perPage;
            this.sceneStart = new int[scenes];
        }

        int y() {
            return page * perPage + line;
        }

        void print(Block block, Block next) {
            if (block.kind() == Kind.PAGE_BREAK) {
                if (line > 0) {
                    newPage();
                }
                return;
            }
            int gap = line == 0 ? 0 : 1;
            if (block.kind() == Kind.HEADING) {
                int keep = next == null || next.kind() == Kind.HEADING || next.kind() == Kind.PAGE_BREAK ? 0
                        : 1 + Math.min(2, next.height());
                if (line > 0 && line + gap + block.height() + keep > perPage) {
                    newPage();
                    gap = 0;
                }
                if (block.scene() < sceneStart.length) {
                    sceneStart[block.scene()] = y();
                }
            }
            if (line + gap + block.height() <= perPage) {
                line += gap + block.height();
                return;
            }
            int avail = perPage - line - gap;
            int rest = block.height();
            switch (block.kind()) {
                case TEXT -> {
                    if (avail >= 2 && rest - avail >= 2) {
                        rest -= avail;
                    }
                    newPage();
                    fill(rest);
                }
                case SPEECH -> {
                    int said = rest - 1;
                    if (avail >= 4 && said - (avail - 2) >= 1) {
                        said -= avail - 2; // cue and (MORE) take the other two lines
                    }
                    newPage();
                    while (1 + said > perPage) { // (CONT'D) cue, lines, (MORE)
                        said -= perPage - 2;
                        page++;
                    }
                    line = 1 + said;
                }
                default -> {
                    newPage();
                    fill(rest);
                }
            }
        }

        private void fill(int height) {
            int rest = height;
            while (rest > perPage) {
                rest -= perPage;
                page++;
            }
            line = rest;
        }

        private void newPage() {
            page++;
            line = 0;
        }
    }
}
