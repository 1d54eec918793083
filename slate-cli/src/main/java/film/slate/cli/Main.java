package film.slate.cli;

/** Placeholder entry point; replaced by the picocli command in the next commit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("slate");
    }
}
