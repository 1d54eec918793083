package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.diagnostic.TerminalText;
import film.slate.engine.build.BuildEvent;
import film.slate.engine.build.BuildListener;
import film.slate.engine.build.BuildSummary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What {@code slate build} shows while it runs: one JSON event a line ({@code --json}, a contract),
 * a progress bar on a terminal (with failures printed above it), or plain lines otherwise.
 * Build events come from the job threads: every method here is thread-safe.
 */
abstract class BuildProgress implements BuildListener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The summary at the end. */
    abstract void summary(BuildSummary s);

    @Override
    public void close() {
    }

    static BuildProgress json(PrintWriter out) {
        return new Json(out);
    }

    static BuildProgress lines(PrintWriter out) {
        return new Lines(out);
    }

    /** A bar drawn on {@code bar} (the terminal's error stream), failures and the summary on {@code out}. */
    static BuildProgress bar(PrintWriter out, PrintStream bar, int todo) {
        return new Bar(out, bar, todo);
    }

    private static final class Json extends BuildProgress {
        private final PrintWriter out;

        Json(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void on(BuildEvent e) {
            ObjectNode o = JSON.createObjectNode().put("event", e.kind().key()).put("shot", e.shot())
                    .put("take", e.take()).put("recipe", e.recipe());
            if (e.attempt() > 0) {
                o.put("attempt", e.attempt());
            }
            e.reason().ifPresent(r -> o.put("reason", r));
            e.cost().ifPresent(c -> o.put("cost", c));
            synchronized (out) {
                out.println(o);
                out.flush();
            }
        }

        @Override
        void summary(BuildSummary s) {
            ObjectNode o = JSON.createObjectNode().put("event", "summary").put("rendered", s.rendered())
                    .put("cached", s.cached()).put("failed", s.failed()).put("seconds", s.time().toMillis() / 1000.0)
                    .put("cost", s.cost());
            synchronized (out) {
                out.println(o);
                out.flush();
            }
        }
    }

    private static final class Lines extends BuildProgress {
        private final PrintWriter out;

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void on(BuildEvent e) {
            if (e.kind() == BuildEvent.Kind.QUEUED || e.kind() == BuildEvent.Kind.CACHED) {
                return; // the summary counts them
            }
            synchronized (out) {
                out.println(line(e));
                out.flush();
            }
        }

        @Override
        void summary(BuildSummary s) {
            synchronized (out) {
                out.println(text(s));
                out.flush();
            }
        }
    }

    private static final class Bar extends BuildProgress {
        private final PrintWriter out;
        private final PrintStream terminal;
        private final ProgressBar bar;
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private boolean closed;

        Bar(PrintWriter out, PrintStream terminal, int todo) {
            this.out = out;
            this.terminal = terminal;
            this.bar = new ProgressBarBuilder().setTaskName("Rendering").setInitialMax(Math.max(todo, 0))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).setUnit(" takes", 1)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
        }

        @Override
        public void on(BuildEvent e) {
            switch (e.kind()) {
                case QUEUED -> {
                    int n = queued.incrementAndGet();
                    if (n > bar.getMax()) {
                        bar.maxHint(n); // inputs (previz for a conditioned backend) join the plan's takes
                    }
                }
                case CACHED -> { }
                case STARTED -> bar.setExtraMessage(TerminalText.escape(e.shot() + "#" + e.take()));
                case RETRY -> bar.setExtraMessage(TerminalText.escape("retry " + e.shot() + "#" + e.take()));
                case RENDERED -> bar.step();
                case FAILED -> {
                    failed.incrementAndGet();
                    bar.step();
                    synchronized (terminal) {
                        terminal.print("\r\033[2K"); // clear the bar's line; it is drawn again below
                        terminal.flush();
                    }
                    synchronized (out) {
                        out.println(line(e));
                        out.flush();
                    }
                }
                default -> { }
            }
        }

        @Override
        void summary(BuildSummary s) {
            close();
            synchronized (out) {
                out.println(text(s));
                out.flush();
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                bar.close();
            }
        }
    }

    static String line(BuildEvent e) {
        return TerminalText.escape(e.kind().key() + " " + e.shot() + "#" + e.take() + e.reason().map(r -> ": " + r).orElse(""));
    }

    static String text(BuildSummary s) {
        return String.format(Locale.ROOT, "%d rendered, %d cached, %d failed in %.1f s, cost %.2f", s.rendered(),
                s.cached(), s.failed(), s.time().toMillis() / 1000.0, s.cost());
    }
}
