package dev.tagline.gateway.api;

/** The body of every 4xx and 503 answer: what is wrong and which field or header of the request it concerns. */
public record ApiError(String error, String field) {
}
