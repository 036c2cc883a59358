package dev.tagline.cli.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tagline.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The config file, YAML: {@code $TAGLINE_CONFIG}, else {@code ~/.config/tagline/config}. It holds tokens, so it is
 * written readable by its owner only, from the moment it exists.
 */
public final class ConfigFile {

    public static final String CONFIG_VARIABLE = "TAGLINE_CONFIG";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path path;

    private ConfigFile(Path path) {
        this.path = path;
    }

    public static ConfigFile of(Map<String, String> environment) {
        String configured = environment.get(CONFIG_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new ConfigFile(Path.of(configured));
        }
        return new ConfigFile(Path.of(System.getProperty("user.home"), ".config", "tagline", "config"));
    }

    public Path path() {
        return path;
    }

    /** The config, empty when the file does not exist yet. */
    public CliConfig read() {
        if (!Files.exists(path)) {
            return CliConfig.empty();
        }
        try {
            CliConfig config = YAML.readValue(path.toFile(), CliConfig.class);
            return config == null ? CliConfig.empty() : config;
        } catch (IOException e) {
            throw new CliException("cannot read the config file " + path + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Replaces the file at once (a new owner-only file moved over the old), so no reader sees half of it. */
    public void write(CliConfig config) {
        try {
            Path directory = path.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(
                    directory,
                    ".config",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            YAML.writeValue(temporary.toFile(), config);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException("cannot write the config file " + path + ": " + e.getMessage());
        }
    }
}
