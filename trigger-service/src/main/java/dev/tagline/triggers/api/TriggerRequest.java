package dev.tagline.triggers.api;

import java.util.Map;

/**
 * The body of {@code POST /triggers} and {@code PUT /triggers/{name}}, as sent; {@link TriggerRequests} checks it.
 *
 * @param kind {@code build} or {@code deploy}
 * @param paused absent means false
 * @param fireForCurrentImage absent means false: a trigger starts with the next image its tag moves to
 */
public record TriggerRequest(
        String name,
        String kind,
        From from,
        Map<String, Object> params,
        Webhook webhook,
        Boolean paused,
        Boolean fireForCurrentImage) {

    /** What the trigger follows: {@code {"kind":"ImageStreamTag","namespace":"team-a","name":"app:v1"}}. */
    public record From(String kind, String namespace, String name) {}

    /** Where actions are also POSTed; the secret is write-only. */
    public record Webhook(String url, String secret) {

        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=" + (secret == null ? "none" : "***") + "]";
        }
    }
}
