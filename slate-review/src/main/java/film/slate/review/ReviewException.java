package film.slate.review;

/** A review request that cannot be done as asked: one sentence saying what is wrong and how to fix it. */
public final class ReviewException extends Exception {
    public ReviewException(String message) {
        super(message, null, false, false);
    }
}
