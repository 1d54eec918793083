package film.slate.core.breakdown;

import java.util.List;

/**
 * The bottom of the breakdown sheet.
 *
 * @param pages printed pages
 * @param eighths the script's length in eighths (the sum of the scenes')
 * @param scenes how many scenes
 * @param runningSeconds estimated running time: a page a minute
 * @param plannedShots shots planned in all scenes
 * @param plannedSeconds their total duration
 * @param cast the cast list, most scenes first, then by first appearance
 * @param day scenes by day (DAY, MORNING, AFTERNOON, DAWN, SUNRISE)
 * @param night scenes by night (NIGHT, EVENING, DUSK, SUNSET)
 * @param unknownTime scenes whose heading gives no time of day
 * @param interior INT scenes
 * @param exterior EXT scenes
 * @param interiorExterior INT/EXT scenes
 * @param unknownInterior scenes whose heading says neither
 */
public record BreakdownTotals(int pages, int eighths, int scenes, double runningSeconds, int plannedShots,
        double plannedSeconds, List<CastMember> cast, int day, int night, int unknownTime, int interior, int exterior,
        int interiorExterior, int unknownInterior) {

    public BreakdownTotals {
        cast = List.copyOf(cast);
    }
}
