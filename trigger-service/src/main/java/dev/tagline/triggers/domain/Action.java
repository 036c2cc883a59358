package dev.tagline.triggers.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An action a trigger fired, one per (trigger, tag move) for ever. Only read through HQL: the rows are written by
 * native inserts that skip a key used before.
 */
@Entity
@Table(name = "actions")
public class Action {

    @Id
    public Long id;

    @Column(name = "idempotency_key")
    public String idempotencyKey;
}
