package dev.tagline.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a static method of a testkit class in the copy of that class held by the system class loader.
 *
 * <p>Quarkus gives every test app (one per test profile) its own class loaders, so a plain static field
 * would hold one broker per app, and that broker's classes would vanish when its app's loaders close.
 * The system class loader outlives all apps, so state kept there is shared by the whole JVM.
 */
final class JvmWide {

    private JvmWide() {}

    /** Calls {@code owner.method()}; the result must be of a JDK type, because the caller cannot see the other copy's classes. */
    static Object call(Class<?> owner, String method) {
        Class<?> target = systemCopyOf(owner);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Kafka and Testcontainers load classes through the context class loader, also in the threads they start now.
        thread.setContextClassLoader(target.getClassLoader());
        try {
            Method m = target.getDeclaredMethod(method);
            m.setAccessible(true);
            return m.invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Class<?> systemCopyOf(Class<?> owner) {
        try {
            return Class.forName(owner.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            // Launched by a runner that keeps the testkit off the system class path: this copy is the only one.
            return owner;
        }
    }
}
