package film.slate.cli;

import film.slate.core.diagnostic.TerminalText;
import film.slate.engine.generator.Generators;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code slate} command: one subcommand per job, each a small class of this package. */
@Command(name = "slate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Slate: a production system for generative film.")
public final class Main implements Runnable {
    /**
     * Every subcommand, in the order help lists them. A command line that names one gets only that
     * one built: picocli reads every option of every subcommand it is given, a third of a quick
     * command's start.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, CheckCommand.class, ScriptCommand.class,
            BreakdownCommand.class, BoardCommand.class, FrameCommand.class, BuildCommand.class, StatusCommand.class,
            WhyCommand.class, TakesCommand.class, GcCommand.class, LogCommand.class, VerifyCommand.class,
            ApproveCommand.class, RejectCommand.class, NoteCommand.class, NotesCommand.class, UserCommand.class,
            ReviewCommand.class, PlanCommand.class, InitCommand.class, RecipeCommand.class, RenderCommand.class,
            ConformCommand.class, FixCommand.class, HistoryCommand.class, DiffCommand.class, WorkerCommand.class,
            WorkersCommand.class, LockCommand.class, UnlockCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Rig rig;

    Main(Rig rig) {
        this.rig = rig;
    }

    /** What this command line runs with: its generators and retry wait. */
    Rig rig() {
        return rig;
    }

    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // previz draws off screen, on servers too
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Rig.standard());
    }

    /**
     * Runs one command line with the given streams and generators (a harness's stand-in generator
     * through the real commands); returns the exit code.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Generators generators) {
        return run(args, out, err, new Rig(generators, Rig.RETRY_BASE));
    }

    /** Runs one command line with the given streams and rig (a test's stand-in generator); returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Rig rig) {
        CommandLine line = commandLine(args, rig);
        // Every text printed passes the terminal guard: no value can clear the screen or retitle the window.
        line.setOut(new PrintWriter(new TerminalWriter(out), true));
        line.setErr(new PrintWriter(new TerminalWriter(err), true));
        try {
            return line.execute(args);
        } catch (OutOfMemoryError e) {
            // Errors pass picocli's handler; they still get one sentence, never a JVM stack trace.
            err.println("slate: out of memory (" + e.getMessage() + "); give Java more with SLATE_JAVA_OPTS=-Xmx4g,"
                    + " or report the command line if the input is small");
            return ExitCode.INTERNAL;
        } catch (StackOverflowError e) {
            err.println("slate: internal error: the stack overflowed (please report it with the command line)");
            return ExitCode.INTERNAL;
        } finally {
            line.getOut().flush();
            line.getErr().flush();
        }
    }

    /** The whole configured command tree: usage errors exit with {@link ExitCode#CANNOT_RUN}. */
    public static CommandLine commandLine() {
        return commandLine(new String[0], Rig.standard());
    }

    /** The command tree for {@code args}: only the subcommand they name, when they start with one; else all. */
    static CommandLine commandLine(String[] words, Rig rig) {
        CommandLine line = new CommandLine(new Main(rig));
        Optional<Class<?>> named = words.length == 0 ? Optional.empty()
                : SUBCOMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(words[0])).findFirst();
        named.map(List::<Class<?>>of).orElse(SUBCOMMANDS).forEach(line::addSubcommand);
        line.addSubcommand(CommandLine.HelpCommand.class);
        // Plain help: the terminal guard (TerminalWriter) would show picocli's colour codes as escapes.
        line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        line.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
        line.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("slate: " + TerminalText.escape(e.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help')");
            return ExitCode.CANNOT_RUN;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Optional<String> io = IoFault.sentence(e);
            if (io.isPresent()) {
                // a full disk or a damaged store is no bug: its sentence, and the I/O exit code
                cmd.getErr().println("slate: " + io.get());
                return ExitCode.IO;
            }
            cmd.getErr().println("slate: internal error: " + e + " (please report it with the command line)");
            return ExitCode.INTERNAL;
        });
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/slate-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"slate " + p.getProperty("version", "unknown")};
        }
    }
}
