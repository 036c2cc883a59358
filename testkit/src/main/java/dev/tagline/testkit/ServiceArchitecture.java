package dev.tagline.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The architecture rules each service's {@code ArchitectureTest} checks on its production classes: the packages of a
 * service depend on each other one way only, and a service uses no other service's code (image-events is the
 * contract they share; service-support and namespace-access are libraries).
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES =
            List.of("dev.tagline.gateway", "dev.tagline.tags", "dev.tagline.imports", "dev.tagline.triggers");

    private final String rootPackage;
    private final JavaClasses classes;

    private ServiceArchitecture(String rootPackage) {
        this.rootPackage = rootPackage;
        // Only the service's own classes are read: the rules are about what they depend on, which needs no jar.
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** The production classes of the service whose code lives under {@code rootPackage}. */
    public static ServiceArchitecture of(String rootPackage) {
        if (!SERVICES.contains(rootPackage)) {
            throw new IllegalArgumentException(rootPackage + " is not one of the services " + SERVICES);
        }
        return new ServiceArchitecture(rootPackage);
    }

    /** No cycle among the service's packages ({@code api}, {@code domain}, {@code store}, …), however long. */
    public void requirePackagesFreeOfCycles() {
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** No class of the service uses a class of another service. */
    public void requireNoOtherServiceCode() {
        String[] others = SERVICES.stream()
                .filter(other -> !other.equals(rootPackage))
                .map(other -> other + "..")
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
    }
}
