package film.slate.engine.generator;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.BackendConfig;
import film.slate.core.read.BackendChecks;
import film.slate.core.read.SettingsFiles;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlScalar;
import film.slate.core.yaml.YamlSequence;
import film.slate.engine.conditioning.Conditioning;

/**
 * Checks each backend's settings by the provider of its type ({@link GeneratorProvider#check}), so
 * core reads only the common fields. Registered in
 * {@code META-INF/services/film.slate.core.read.BackendChecks}.
 */
public final class ProviderChecks implements BackendChecks {
    private final Generators generators;

    public ProviderChecks() {
        this(Generators.discover());
    }

    public ProviderChecks(Generators generators) {
        this.generators = generators;
    }

    @Override
    public boolean knows(String type) {
        return generators.forType(type).isPresent();
    }

    @Override
    public void check(BackendConfig backend, SettingsFiles files, Diagnostics d) {
        Fields f = Fields.of(backend.settings(), "backend " + backend.name(), d).orElseThrow();
        var provider = generators.forType(backend.type());
        if (provider.isEmpty()) {
            f.invalid("type", "is '" + backend.type() + "'; a backend type is one of "
                    + String.join(", ", generators.types()));
            return;
        }
        BackendConfig.COMMON_FIELDS.forEach(f::node);
        provider.get().check(f, files);
        inputs(f, d);
        f.finish();
    }

    /** {@code inputs}, where a backend asks for conditioning files, lists only files Slate makes. */
    private static void inputs(Fields f, Diagnostics d) {
        f.node("inputs").ifPresent(n -> {
            if (n instanceof YamlSequence seq) {
                for (var item : seq.items()) {
                    if (!(item instanceof YamlScalar sc) || !Conditioning.FILES.contains(sc.text())
                            && !film.slate.engine.conditioning.PrevizPasses.isFile(sc.text())) {
                        d.add(Rule.SCHEMA_FIELD, item.position(), "'inputs' of " + f.what() + " lists '"
                                + item.describe() + "'; list files of " + String.join(", ", Conditioning.FILES));
                    }
                }
            } else {
                d.add(Rule.SCHEMA_FIELD, n.position(), "'inputs' of " + f.what()
                        + " is a list of conditioning files, e.g. [control, reference]");
            }
        });
    }
}
