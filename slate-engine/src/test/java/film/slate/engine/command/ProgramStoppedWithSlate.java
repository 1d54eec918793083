package film.slate.engine.command;

import film.slate.engine.generator.Cancellation;
import film.slate.engine.remote.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A process that runs a program as the command backend does, until it is stopped: for the SIGTERM test. */
public final class ProgramStoppedWithSlate {
    private ProgramStoppedWithSlate() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Program.run(List.of("/bin/sh", "-c", "sleep 300 & echo $! > child.pid; wait"), dir, Map.of(), new byte[0],
                dir.resolve("stdout.log"), dir.resolve("stderr.log"), Redactor.none(), new Cancellation());
    }
}
