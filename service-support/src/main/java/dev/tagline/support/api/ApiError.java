package dev.tagline.support.api;

/** The body of every 4xx answer: what is wrong and which field of the request it concerns. */
public record ApiError(String error, String field) {
}
