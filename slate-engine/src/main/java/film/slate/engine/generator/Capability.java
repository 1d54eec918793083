package film.slate.engine.generator;

/** What a generator can do. */
public enum Capability {
    TEXT_TO_VIDEO, IMAGE_TO_VIDEO, CONTROL_VIDEO, REGION_EDIT, REFERENCE_IMAGES
}
