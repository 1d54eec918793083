package film.slate.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.core.model.BackendConfig;
import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.recipe.Sha256;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Capabilities;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Generators;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.engine.testing.TestPatternGenerator;
import film.slate.store.DiskFullException;
import film.slate.store.Store;
import film.slate.store.db.RenderRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk during a build: one sentence, the build stops, nothing half-written, the next build finishes. */
class DiskFullTest {
    @TempDir
    Path tmp;

    /** The test pattern, until the disk fills: then a half-written file and FFmpeg's lines, as the previz backend fails. */
    static final class FillsUp implements GeneratorProvider {
        final AtomicInteger left;

        FillsUp(int renders) {
            left = new AtomicInteger(renders);
        }

        @Override
        public String type() {
            return "previz";
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) {
            Generator pattern = new TestPatternGenerator(TestPatternGenerator.Faults.NONE);
            return new Generator() {
                @Override
                public String version() {
                    return pattern.version();
                }

                @Override
                public Capabilities capabilities() {
                    return pattern.capabilities();
                }

                @Override
                public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
                        throws GeneratorFault, InterruptedException {
                    if (left.getAndDecrement() > 0) {
                        return pattern.render(request, progress, cancellation);
                    }
                    Path part = request.outputDir().resolve("master.mkv.part");
                    try {
                        Files.write(part, new byte[4096]);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    throw GeneratorFault.transientFault("FFmpeg could not encode the master: [matroska @ 0x5581c0]"
                            + " Error writing trailer of " + part + ": No space left on device\n"
                            + "[out#0/matroska @ 0x5581c0] Error closing file: No space left on device\n"
                            + "Conversion failed!", new IOException("No space left on device"));
                }
            };
        }
    }

    static BuildSummary build(Path dir, GeneratorProvider provider) throws Exception {
        Production p = ProductionReader.read(dir).production();
        try (Store store = Store.open(dir);
                Backends backends = new Backends(p, new Generators(Map.of()).with(provider))) {
            BuildPlan plan = BuildPlan.of(new RecipeCompiler(p), backends.target(backends.resolveName(
                    java.util.Optional.empty())), ShotSelector.all(), java.util.Optional.empty(), store);
            return new Builder(store, backends, BuildTest.options().withJobs(1)).run(plan, e -> { });
        }
    }

    @Test
    void aFullDiskStopsTheBuildWithOneSentenceAndNothingHalfWritten() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        assertThatThrownBy(() -> build(dir, new FillsUp(1))).isInstanceOf(DiskFullException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("FFmpeg")
                        .contains("is full").contains("nothing was lost").contains("free some space"));
        try (Store store = Store.open(dir)) {
            assertThat(store.takes().ofAll()).hasSize(1);
            assertThat(store.renders().all().values()).filteredOn(r -> r.status().equals(RenderRecord.FAILED))
                    .singleElement().satisfies(r -> assertThat(r.reason().orElseThrow()).contains("is full")
                            .doesNotContain("\n"));
            for (String hash : store.objects().all()) {
                assertThat(Sha256.file(store.objects().path(hash))).isEqualTo(hash);
            }
            assertThat(store.objects().all()).containsExactlyInAnyOrderElementsOf(film.slate.store.LiveObjects.of(store));
            try (Stream<Path> work = Files.walk(store.root().resolve("work"))) {
                assertThat(work.filter(Files::isRegularFile)).isEmpty(); // the half-written file went with its folder
            }
        }
        BuildSummary again = build(dir, new FillsUp(Integer.MAX_VALUE));
        assertThat(again.rendered()).isEqualTo(2);
        assertThat(again.failed()).isZero();
    }
}
