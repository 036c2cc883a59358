package dev.tagline.tags.domain;

import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import java.util.List;

/** A policy's streams and keys, checked, each key with its fingerprint. */
public record ValidPolicy(List<String> streams, List<TrustedKey> keys) {}
