package film.slate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code slate} command: one subcommand per job, each a small class of this package. */
@Command(name = "slate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Slate: a production system for generative film.",
        subcommands = {DemoCommand.class, CheckCommand.class, ScriptCommand.class, BreakdownCommand.class,
            BoardCommand.class, FrameCommand.class, BuildCommand.class, StatusCommand.class, WhyCommand.class,
            TakesCommand.class, GcCommand.class, LogCommand.class,
            RecipeCommand.class, RenderCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // previz draws off screen, on servers too
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = commandLine();
        line.setOut(out);
        line.setErr(err);
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
        }
    }

    /** The configured command tree: usage errors exit with {@link ExitCode#CANNOT_RUN}. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        line.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
        line.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("slate: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help')");
            return ExitCode.CANNOT_RUN;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
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
