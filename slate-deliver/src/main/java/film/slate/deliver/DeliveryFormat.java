package film.slate.deliver;

import java.util.Locale;
import java.util.Optional;

/** What a delivery holds besides the media and the manifest. */
public enum DeliveryFormat {
    OTIO("cut.otio"), EDL("cut.edl"), FCPXML("cut.fcpxml"), MP4("cut.mp4");

    private final String file;

    DeliveryFormat(String file) {
        this.file = file;
    }

    /** The file it is delivered as. */
    public String file() {
        return file;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryFormat> parse(String word) {
        for (DeliveryFormat f : values()) {
            if (f.word().equalsIgnoreCase(word.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
