package dev.tagline.access;

/** The API's error body, {@code {"error": …, "field": …}}, for refusals decided before a resource runs. */
record AccessError(String error, String field) {
}
