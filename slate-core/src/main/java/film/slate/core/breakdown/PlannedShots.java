package film.slate.core.breakdown;

/** The shots planned for one scene: how many, and their total duration in seconds. */
public record PlannedShots(int count, double seconds) {
    public PlannedShots {
        if (count < 0 || !(seconds >= 0)) {
            throw new IllegalArgumentException("planned shots need a count and a duration of zero or more");
        }
    }
}
