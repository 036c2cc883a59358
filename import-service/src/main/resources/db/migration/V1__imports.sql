-- The import schedule, owned by import-service (schema "imports").

-- One row per registry tag that some spec tag follows with a scheduled import: stream tags following the
-- same source share it, so the source is checked once per interval whoever follows it.
create table scheduled_sources (
    id                    bigserial primary key,
    -- Canonical registry/repository:tag, the Kafka key of its events.
    source_key            text        not null unique,
    registry              text        not null,
    repository            text        not null,
    tag                   text        not null,
    -- Plain HTTP: some follower marked the source insecure.
    insecure              boolean     not null default false,
    last_digest           text,
    last_checked_at       timestamptz,
    next_check            timestamptz not null,
    -- The check in flight; its result is recorded only while this still names it.
    claim_id              uuid,
    consecutive_failures  integer     not null default 0,
    -- The failure state last published; null while the source imports fine.
    failure_reason        text,
    failure_message       text,
    -- Counts the events published about this row: with the id it makes ce_ids stable and unique.
    events_published      bigint      not null default 0,
    created_at            timestamptz not null
);
create index scheduled_sources_due on scheduled_sources (next_check);

-- Which stream tags follow which source; a stream tag follows at most one.
create table followers (
    namespace     text    not null,
    image_stream  text    not null,
    tag           text    not null,
    source_id     bigint  not null references scheduled_sources (id) on delete cascade,
    insecure      boolean not null,
    primary key (namespace, image_stream, tag)
);
create index followers_source on followers (source_id);

-- A registry that answered 429 (or 503 with Retry-After) is left alone until then, by every replica.
create table registry_pauses (
    registry      text        primary key,
    paused_until  timestamptz not null
);

-- CloudEvents applied from Kafka, recorded in the transaction that applied them, so a redelivery is a no-op.
create table applied_events (
    source      text        not null,
    event_id    text        not null,
    applied_at  timestamptz not null,
    primary key (source, event_id)
);

-- Transactional outbox of registry-tag-events: written with the change, relayed after commit, marked once acked.
create table outbox (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    record_key    text        not null,
    type          text        not null,
    payload       text        not null,
    created_at    timestamptz not null,
    published_at  timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
