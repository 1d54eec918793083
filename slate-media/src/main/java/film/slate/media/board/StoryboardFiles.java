package film.slate.media.board;

import java.nio.file.Path;
import java.util.List;

/** What {@link Storyboard#write} made: the page, the animatic and the stills the page shows. */
public record StoryboardFiles(Path page, Path animatic, List<Path> stills) {
    public StoryboardFiles {
        stills = List.copyOf(stills);
    }
}
