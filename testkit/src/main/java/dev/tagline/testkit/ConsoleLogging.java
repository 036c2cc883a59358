package dev.tagline.testkit;

import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/** Prints warnings and errors of the local stack's in-JVM infrastructure, which no Quarkus app configures logging for. */
final class ConsoleLogging {

    private ConsoleLogging() {}

    static void install() {
        ConsoleHandler console = new ConsoleHandler(new PatternFormatter("%d{HH:mm:ss} %-5p [%c{1.}] %s%e%n"));
        console.setLevel(Level.WARNING);
        LogContext.getLogContext().getLogger("").addHandler(console);
    }
}
