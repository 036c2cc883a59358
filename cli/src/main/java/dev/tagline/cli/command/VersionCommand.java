package dev.tagline.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tagline version}: which tagline this is, and on which Java. */
@Command(
        name = "version",
        description = "Print the version of tagline and of the Java it runs on.",
        footerHeading = "%nExample:%n",
        footer = "  tagline version")
public final class VersionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println(Provider.line());
        spec.commandLine().getOut().flush();
    }

    /** The version the build wrote into {@code tagline-version.properties}, for {@code version} and {@code --version}. */
    public static final class Provider implements IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {line()};
        }

        static String line() {
            Properties properties = new Properties();
            try (InputStream in = VersionCommand.class.getResourceAsStream("/tagline-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException unreadable) {
                // A jar that cannot read its own resource still runs; it just cannot say its version.
            }
            return "tagline " + properties.getProperty("version", "unknown") + " (Java "
                    + System.getProperty("java.version") + ")";
        }
    }
}
