package dev.tagline.imports.registry;

import dev.tagline.events.ImportFailureReason;

/**
 * The configuration does not allow imports from this registry (or token server): not listed in
 * {@code tagline.imports.allowed-registries}, or resolving to an internal address.
 */
public class RegistryNotAllowedException extends ImportFailedException {

    public RegistryNotAllowedException(String message) {
        super(ImportFailureReason.UNAUTHORIZED, message, null, false);
    }
}
