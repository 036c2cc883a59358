package dev.tagline.access;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Access settings beyond the standard {@code mp.jwt.verify.*} ones that say which JWTs to trust. */
@ConfigMapping(prefix = "tagline.access")
public interface AccessConfig {

    /**
     * A file of static tokens for local use, one per line: {@code <token> <subject> <group>,<group>…};
     * blank lines and lines starting with {@code #} are skipped.
     */
    Optional<Path> tokenFile();
}
