-- Triggers, the tags they follow, the actions they fired and their webhook deliveries; owned by
-- trigger-service (schema "triggers").

create table triggers (
    id                        bigserial primary key,
    -- Identifies this trigger among all that ever had its name: idempotency keys derive from it, so a
    -- trigger deleted and created anew fires afresh.
    uid                       uuid        not null unique,
    namespace                 text        not null,
    name                      text        not null,
    kind                      text        not null,
    from_namespace            text        not null,
    from_stream               text        not null,
    from_tag                  text        not null,
    -- Subscriber-defined JSON object, passed through to every action.
    params                    text        not null,
    webhook_url               text,
    -- scheme://host:port of webhook_url: deliveries to one origin share its concurrency limit.
    webhook_origin            text,
    -- Write-only over the API; needed in clear to sign deliveries.
    webhook_secret            text,
    paused                    boolean     not null default false,
    -- The image of the followed tag this trigger has dealt with: fired for it, or took it as its
    -- starting point. An unpaused trigger fires when the tag's image differs from it.
    handled_digest            text,
    last_triggered_digest     text,
    last_triggered_reference  text,
    last_triggered_at         timestamptz,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    unique (namespace, name)
);
create index triggers_following on triggers (from_namespace, from_stream, from_tag);

-- The newest image of every image stream tag heard of, whether or not a trigger follows it now, so that
-- a trigger created or resumed later knows where its tag stands.
create table followed_tags (
    id                      bigserial primary key,
    namespace               text        not null,
    image_stream            text        not null,
    tag                     text        not null,
    digest                  text        not null,
    docker_image_reference  text        not null,
    generation              bigint      not null,
    changed_at              timestamptz not null,
    unique (namespace, image_stream, tag)
);

-- One row per (trigger, digest) ever fired: the unique key makes a trigger fire at most once per image.
create table actions (
    id                      bigserial primary key,
    trigger_id              bigint      not null references triggers (id) on delete cascade,
    digest                  text        not null,
    idempotency_key         text        not null unique,
    created_at              timestamptz not null,
    unique (trigger_id, digest)
);

-- HTTP deliveries of actions to a trigger's webhook. A replica claims due rows with FOR UPDATE SKIP LOCKED
-- and a lease (claimed_until); a crash mid-delivery leaves the lease to expire and the row is claimed again.
create table deliveries (
    id                bigserial primary key,
    trigger_id        bigint      not null references triggers (id) on delete cascade,
    action_id         bigint      not null references actions (id) on delete cascade,
    -- The webhook-id header: the same for every attempt and redelivery, so subscribers dedupe.
    webhook_id        text        not null,
    digest            text        not null,
    -- The structured CloudEvent sent as the body, byte for byte the same on every attempt.
    payload           text        not null,
    status            text        not null,
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz,
    claimed_until     timestamptz,
    claim_token       uuid,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    delivered_at      timestamptz,
    created_at        timestamptz not null
);
create index deliveries_due on deliveries (next_attempt_at) where status = 'pending';
create index deliveries_of_trigger on deliveries (trigger_id, id desc);

-- CloudEvents applied from Kafka, recorded in the transaction that applied them, so a redelivery is a no-op.
create table applied_events (
    source      text        not null,
    event_id    text        not null,
    applied_at  timestamptz not null,
    primary key (source, event_id)
);

-- Transactional outbox of trigger-actions: written with the action, relayed after commit, marked once acked.
create table outbox (
    id            bigserial primary key,
    -- ce_id, derived from the idempotency key: a relay repeated after a crash carries the same id.
    event_id      text        not null unique,
    topic         text        not null,
    record_key    text        not null,
    type          text        not null,
    subject       text,
    payload       text        not null,
    created_at    timestamptz not null,
    published_at  timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
