package dev.tagline.imports.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tagline.events.ImportFailureReason;

/**
 * The body of every error answer: what is wrong, which field of the request it concerns and, when a registry
 * failed the import, the reason the events name.
 */
public record ApiError(String error, String field, @JsonInclude(JsonInclude.Include.NON_NULL) ImportFailureReason reason) {

    public ApiError(String error, String field) {
        this(error, field, null);
    }
}
