package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command line that names a subcommand gets only that one built (picocli reads every option of
 * every subcommand it is given), while help, a typo and no command at all see every one of
 * {@link Main#SUBCOMMANDS}, the one list of them.
 */
class DispatchTest {
    private static final Rig RIG = Rig.standard();

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        for (Class<?> c : Main.SUBCOMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            assertThat(Main.commandLine(new String[] {name, "x"}, RIG).getSubcommands().keySet())
                    .containsExactlyInAnyOrder(name, "help");
        }
    }

    @Test
    void helpATypoAndNoCommandSeeEverySubcommand() {
        List<String> all = new ArrayList<>(Main.SUBCOMMANDS.stream().map(c -> c.getAnnotation(Command.class).name()).toList());
        all.add("help");
        for (String[] words : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "status"},
                new String[] {"stauts"})) {
            assertThat(Main.commandLine(words, RIG).getSubcommands().keySet()).containsExactlyElementsOf(all);
        }
        Slate.Run help = Slate.inProcess("--help");
        assertThat(help.code()).isZero();
        all.forEach(name -> assertThat(help.out()).contains("  " + name + " "));
    }

    @Test
    void helpOfOneCommandAndATypoAnswerAsBefore() {
        Slate.Run help = Slate.inProcess("help", "status");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Usage: slate status ").contains("--format=FORMAT");
        Slate.Run typo = Slate.inProcess("stauts", ".");
        assertThat(typo.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(typo.err()).startsWith("slate: Unmatched arguments from index 0: 'stauts', '.'")
                .endsWith("(see 'slate --help')" + System.lineSeparator());
        assertThat(new CommandLine(new Main(RIG)).getCommandName()).isEqualTo("slate");
    }
}
