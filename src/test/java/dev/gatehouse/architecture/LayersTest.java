package dev.gatehouse.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The arrows between packages point down only, as each package-info.java says: http -> service ->
 * engine/store -> model, cli wiring them together. A class that reaches up or sideways fails the build,
 * naming the offending dependency, so the rule cannot silently break.
 */
class LayersTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gatehouse");

    @Test
    void layersOnlyReachDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("dev.gatehouse.cli..")
                .layer("http").definedBy("dev.gatehouse.http..")
                .layer("service").definedBy("dev.gatehouse.service..")
                .layer("engine").definedBy("dev.gatehouse.engine..")
                .layer("store").definedBy("dev.gatehouse.store..")
                .layer("datasets").definedBy("dev.gatehouse.datasets..")
                .layer("model").definedBy("dev.gatehouse.model..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("http").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("service").mayOnlyBeAccessedByLayers("http", "cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("service", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("service", "datasets", "cli")
                .whereLayer("datasets").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("engine", "store", "datasets", "service", "http", "cli")
                .check(MAIN);
    }

    @Test
    void theEngineAndTheModelDoNoInputOrOutput() {
        noClasses().that().resideInAnyPackage("dev.gatehouse.engine..", "dev.gatehouse.model..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "java.nio.file..",
                        "io.javalin..", "org.eclipse.jetty..", "com.zaxxer..", "org.slf4j..")
                .check(MAIN);
    }

    @Test
    void theStoreKnowsNothingOfTheEngine() {
        noClasses().that().resideInAPackage("dev.gatehouse.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.engine..")
                .check(MAIN);
    }

    @Test
    void eachDatabaseStaysInItsOwnPackage() {
        noClasses().that().resideInAPackage("dev.gatehouse.store.sqlite..")
                .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.store.postgres..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.gatehouse.store.postgres..")
                .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.store.sqlite..")
                .check(MAIN);
    }
}
