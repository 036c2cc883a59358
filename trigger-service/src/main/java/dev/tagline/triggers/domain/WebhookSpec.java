package dev.tagline.triggers.domain;

import java.util.Optional;

/**
 * Where a trigger's actions are also POSTed.
 *
 * @param secret empty when a replacement leaves the secret out, which keeps the one the trigger has
 */
public record WebhookSpec(WebhookUrl url, Optional<WebhookSecret> secret) {}
