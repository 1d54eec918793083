package film.slate.cli;

/** A JVM that loads a few classes and stops as a worker does: writes the archive the launcher asked for. */
final class KeepsClassArchive {
    private KeepsClassArchive() {
    }

    public static void main(String[] args) {
        System.out.println(String.join(",", java.util.List.of(args).stream().map(String::strip).toList()));
        WorkerClassArchive.keep();
    }
}
