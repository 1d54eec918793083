package film.slate.core.breakdown;

/**
 * One line of the cast list.
 *
 * @param character the upper-case character id
 * @param scenes scenes where the character speaks or is named in the action
 * @param speakingScenes scenes where the character speaks
 * @param firstScene the number of the first such scene
 * @param words dialogue words in the whole script
 */
public record CastMember(String character, int scenes, int speakingScenes, String firstScene, int words) {
}
