package film.slate.media.board;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Storyboard#write} made: the page, the animatic, the stills the page shows and, per
 * shot, its first frame's masks and pose.
 */
public record StoryboardFiles(Path page, Path animatic, List<Path> stills, List<Path> passes) {
    public StoryboardFiles {
        stills = List.copyOf(stills);
        passes = List.copyOf(passes);
    }
}
