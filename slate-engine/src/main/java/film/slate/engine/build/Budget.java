package film.slate.engine.build;

import java.util.OptionalDouble;

/** The money a build may spend: each render reserves its estimate before it starts and settles after. */
final class Budget {
    private final OptionalDouble limit;
    private double committed;

    Budget(OptionalDouble limit) {
        this.limit = limit;
    }

    /** Reserves {@code estimate}; false when that would pass the limit (the render must not start). */
    synchronized boolean reserve(double estimate) {
        if (limit.isPresent() && committed + estimate > limit.getAsDouble() + 1e-9) {
            return false;
        }
        committed += estimate;
        return true;
    }

    /** Replaces a reservation by what the render cost (0 when it failed and cost nothing). */
    synchronized void settle(double reserved, double actual) {
        committed += actual - reserved;
    }

    synchronized double spent() {
        return committed;
    }
}
