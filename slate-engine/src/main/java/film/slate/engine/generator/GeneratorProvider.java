package film.slate.engine.generator;

import film.slate.core.model.BackendConfig;
import film.slate.core.read.SettingsFiles;
import film.slate.core.yaml.Fields;

/**
 * Makes generators of one backend type ({@code previz}, {@code comfyui}, {@code command},
 * {@code http-task}). Registered in {@code META-INF/services/film.slate.engine.generator.GeneratorProvider}.
 */
public interface GeneratorProvider {
    /** The {@code type:} of slate.yaml this provider serves. */
    String type();

    /**
     * Opens a generator for a configured backend, in {@code place}: the production's folder and the
     * folder where the generator may keep state between runs ({@link GeneratorPlace}).
     *
     * @throws GeneratorFault (permanent) when the configuration cannot work, with a sentence that says why
     */
    Generator open(BackendConfig backend, GeneratorPlace place) throws GeneratorFault;

    /**
     * Checks this type's settings in slate.yaml at their lines, before any build meets them (what
     * {@code slate check} reports): marks each field it knows ({@link Fields#node}) and reports what
     * is wrong. The common fields are marked already; fields left unmarked are reported as unknown.
     * A provider that checks nothing (a stand-in) accepts whatever is written.
     */
    default void check(Fields settings, SettingsFiles files) {
        settings.mapping().entries().forEach(e -> settings.node(e.key()));
    }
}
