package dev.tagline.gateway.domain;

import java.util.List;

/**
 * What a format made of one webhook body: the observations to publish, and how many of the events it reported
 * concern nothing Tagline follows (pulls, blobs, untagged manifests, other event kinds).
 */
public record Reading(List<Observation> observations, int ignored) {

    public Reading {
        observations = List.copyOf(observations);
    }
}
