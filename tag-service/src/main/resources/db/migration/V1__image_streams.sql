-- Image streams, their tags and the full history of every tag; owned by tag-service (schema "tags").

create table image_streams (
    id          bigserial primary key,
    namespace   text        not null,
    name        text        not null,
    -- Bumped by every history item of any of its tags; the item records the value it was written at.
    generation  bigint      not null default 0,
    created_at  timestamptz not null,
    unique (namespace, name)
);

-- A live tag of a stream. The spec columns are null for a tag that only has status, such as one
-- created by a push to an integrated registry.
create table stream_tags (
    id                bigserial primary key,
    stream_id         bigint      not null references image_streams (id) on delete cascade,
    name              text        not null,
    from_kind         text,
    from_namespace    text,
    from_name         text,
    -- Canonical registry/repository:tag of a DockerImage "from", matched against registry events.
    source_key        text,
    reference         boolean     not null default false,
    reference_policy  text        not null default 'Source',
    import_scheduled  boolean     not null default false,
    import_insecure   boolean     not null default false,
    import_mode       text        not null default 'Legacy',
    created_at        timestamptz not null,
    unique (stream_id, name)
);
create index stream_tags_source_key on stream_tags (source_key) where source_key is not null;

create table images (
    digest      text primary key,
    media_type  text,
    size        bigint,
    -- JSON array of the index's children (digest, os, architecture, variant); empty for a manifest.
    platforms   text        not null default '[]',
    first_seen  timestamptz not null
);

-- Never rewritten. Survives removal of its tag (stream_tag_id becomes null), so that an image stays
-- findable by digest.
create table tag_history (
    id                      bigserial primary key,
    stream_id               bigint      not null references image_streams (id) on delete cascade,
    stream_tag_id           bigint      references stream_tags (id) on delete set null,
    tag                     text        not null,
    generation              bigint      not null,
    digest                  text        not null references images (digest),
    docker_image_reference  text        not null,
    cause                   text        not null,
    created                 timestamptz not null,
    unique (stream_id, generation)
);
create index tag_history_newest on tag_history (stream_tag_id, generation desc);
create index tag_history_digest on tag_history (stream_id, digest);

create table tag_conditions (
    id                    bigserial primary key,
    stream_tag_id         bigint      not null references stream_tags (id) on delete cascade,
    type                  text        not null,
    status                text        not null,
    reason                text        not null,
    message               text,
    last_transition_time  timestamptz not null,
    unique (stream_tag_id, type)
);

-- CloudEvents applied from Kafka, recorded in the transaction that applied them, so a redelivery is a no-op.
create table applied_events (
    source      text        not null,
    event_id    text        not null,
    applied_at  timestamptz not null,
    primary key (source, event_id)
);

-- Transactional outbox: written with the change, relayed to Kafka after commit, marked once acked.
create table outbox (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    record_key    text        not null,
    type          text        not null,
    subject       text,
    payload       text        not null,
    created_at    timestamptz not null,
    published_at  timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
