package dev.tagline.testkit.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Remembers, across every class loader of the JVM, the first value seen under a name. */
final class SameInfrastructure {

    private SameInfrastructure() {
    }

    // System properties are the one map that the class loaders of all Quarkus apps in a JVM share.
    static void assertSameAsEveryOtherApp(String name, String value) {
        Object first = System.getProperties().putIfAbsent("tagline.testkit.test.first." + name, value);
        assertEquals(first == null ? value : first, value);
    }
}
