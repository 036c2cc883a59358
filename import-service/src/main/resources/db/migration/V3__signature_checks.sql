-- Signature checks for image policies (issue 17): one row per image the tag-service asked about, holding the keys
-- of its last request, where its re-check schedule stands, and the verdict last published.
create table signature_checks (
    id                    bigserial primary key,
    registry              text        not null,
    repository            text        not null,
    digest                text        not null,
    -- The last request's keys, JSON [{"fingerprint","publicKey"}]: public keys only.
    trusted_keys          text        not null,
    -- Plain HTTP: some stream tag following a source in the repository marked it insecure.
    insecure              boolean     not null,
    -- Checks made since the last request: the position in the re-check schedule.
    checks_since_request  integer     not null default 0,
    -- Null when nothing more is scheduled: verified, or the schedule ran out.
    next_check            timestamptz,
    -- The re-check in flight; its result is recorded only while this still names it.
    claim_id              uuid,
    -- The verdict last published, and the keys it was for (sorted fingerprints, comma-separated).
    published_verdict     text,
    published_keys        text,
    -- Counts the events published about this row: with the id it makes ce_ids stable and unique.
    events_published      bigint      not null default 0,
    last_checked_at       timestamptz,
    created_at            timestamptz not null,
    unique (registry, repository, digest)
);
create index signature_checks_due on signature_checks (next_check) where next_check is not null;
