package dev.tagline.imports.api;

import dev.tagline.events.ImportFailureReason;

/**
 * The body of a failed import: service-web's {@code {"error","field"}} plus the reason the events name, so that a
 * client can tell a missing image from a refused credential without parsing the message.
 */
public record ImportFailedError(String error, String field, ImportFailureReason reason) {}
