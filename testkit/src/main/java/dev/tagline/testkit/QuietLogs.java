package dev.tagline.testkit;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import org.jboss.logmanager.Logger;

/** Keeps the chatter of in-JVM infrastructure out of test output: its loggers only report warnings and errors. */
final class QuietLogs {

    // Held here so that the levels survive: the log context may only reference its loggers weakly.
    private static final Set<Logger> QUIETED = ConcurrentHashMap.newKeySet();

    private QuietLogs() {}

    static void warningsOnly(List<String> categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }
}
