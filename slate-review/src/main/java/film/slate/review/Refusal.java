package film.slate.review;

/** A request the server refuses: the HTTP status and one sentence for the body. */
final class Refusal extends RuntimeException {
    private final int status;

    Refusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static Refusal notFound() {
        return new Refusal(404, "not found");
    }
}
