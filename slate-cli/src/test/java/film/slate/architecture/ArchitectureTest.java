package film.slate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency direction of DESIGN.md, enforced: modules point one way (core <- media, store
 * <- engine <- review; cli uses all), packages inside core never form cycles, and the model
 * depends on nothing that reads or judges it. Module rules allow emptiness so they hold from the
 * day a module lands.
 */
@AnalyzeClasses(packages = "film.slate", importOptions = {ImportOption.DoNotIncludeTests.class,
    ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** Other modules' test-jars (shared fixtures) are on this classpath; the rules are about production code. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }


    @ArchTest
    static final ArchRule modulesFormNoCycles = slices().matching("film.slate.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule corePackagesFormNoCycles = slices().matching("film.slate.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreUsesNothingOfSlate = noClasses().that().resideInAPackage("film.slate.core..")
            .should().dependOnClassesThat().resideInAnyPackage("film.slate.media..", "film.slate.store..",
                    "film.slate.engine..", "film.slate.deliver..", "film.slate.review..", "film.slate.cli..");

    @ArchTest
    static final ArchRule mediaUsesOnlyCore = noClasses().that().resideInAPackage("film.slate.media..")
            .should().dependOnClassesThat().resideInAnyPackage("film.slate.store..", "film.slate.engine..",
                    "film.slate.deliver..", "film.slate.review..", "film.slate.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule storeUsesOnlyCore = noClasses().that().resideInAPackage("film.slate.store..")
            .should().dependOnClassesThat().resideInAnyPackage("film.slate.media..", "film.slate.engine..",
                    "film.slate.deliver..", "film.slate.review..", "film.slate.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineUsesCoreMediaStore = noClasses().that().resideInAPackage("film.slate.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("film.slate.deliver..", "film.slate.review..",
                    "film.slate.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule deliverNeverUsesEngineReviewCli = noClasses().that().resideInAPackage("film.slate.deliver..")
            .should().dependOnClassesThat().resideInAnyPackage("film.slate.engine..", "film.slate.review..",
                    "film.slate.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule reviewNeverUsesDeliverCli = noClasses().that().resideInAPackage("film.slate.review..")
            .should().dependOnClassesThat().resideInAnyPackage("film.slate.deliver..", "film.slate.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule modelKnowsNothingAboveIt = noClasses().that().resideInAPackage("film.slate.core.model..")
            .should().dependOnClassesThat().resideInAnyPackage("film.slate.core.read..", "film.slate.core.check..",
                    "film.slate.core.continuity..", "film.slate.core.stage..", "film.slate.core.report..");

    @ArchTest
    static final ArchRule parsersKnowNoModel = noClasses().that().resideInAnyPackage("film.slate.core.yaml..",
            "film.slate.core.fountain..", "film.slate.core.diagnostic..")
            .should().dependOnClassesThat().resideInAnyPackage("film.slate.core.model..", "film.slate.core.read..",
                    "film.slate.core.check..");

    @ArchTest
    static final ArchRule namesSpeakFilm = classes().should().haveSimpleNameNotEndingWith("Manager")
            .andShould().haveSimpleNameNotEndingWith("Helper").andShould().haveSimpleNameNotEndingWith("Util")
            .andShould().haveSimpleNameNotEndingWith("Utils");

    /**
     * Adding a backend touches no other module: the generator SPI finds it (ServiceLoader), so no
     * class outside a backend's package names one of its classes.
     */
    @ArchTest
    static final ArchRule comfyStandsAlone = backendStandsAlone("film.slate.engine.comfyui..");

    @ArchTest
    static final ArchRule commandStandsAlone = backendStandsAlone("film.slate.engine.command..");

    @ArchTest
    static final ArchRule httpTaskStandsAlone = backendStandsAlone("film.slate.engine.httptask..");

    @ArchTest
    static final ArchRule previzStandsAlone = backendStandsAlone("film.slate.engine.previz..");

    /**
     * Core reads only the fields every backend shares: the type-specific checks live with the
     * backends, behind {@code BackendChecks}, which nothing in core implements.
     */
    @ArchTest
    static final ArchRule coreChecksNoBackendType = noClasses().that().resideInAPackage("film.slate.core..")
            .should().implement("film.slate.core.read.BackendChecks")
            .because("each backend owns its settings; core checks only the common fields");

    private static ArchRule backendStandsAlone(String backend) {
        return noClasses().that().resideOutsideOfPackage(backend).should().dependOnClassesThat().resideInAPackage(backend)
                .because("a backend is found through the generator SPI, and adding one touches no other module");
    }
}
