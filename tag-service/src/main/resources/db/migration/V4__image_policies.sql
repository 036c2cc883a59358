-- Image policies (issue 17): only images signed by a trusted key move the tags of the streams a policy names.

create table image_policies (
    id           bigserial primary key,
    namespace    text        not null,
    name         text        not null,
    -- JSON array of stream names, or ["*"] for every stream of the namespace.
    streams      text        not null,
    -- JSON array of {"fingerprint","publicKey"}, in the order the user gave them.
    public_keys  text        not null,
    created_at   timestamptz not null,
    unique (namespace, name)
);

-- Digests a check found signed, by the key that verified them: a later observation of one moves a tag at once.
create table verified_images (
    registry         text        not null,
    repository       text        not null,
    digest           text        not null,
    key_fingerprint  text        not null,
    verified_at      timestamptz not null,
    primary key (registry, repository, digest, key_fingerprint)
);

-- The signature verdict of an item of a tag under a policy: Verified, Pending, or the reason a check refused it
-- (Unsigned, UntrustedKey, DigestMismatch, RegistryError). Null for tags under no policy. A Pending or refused item
-- is recorded held: the tag does not point at it.
alter table tag_history add column verification text;
alter table tag_history add column verification_key text;
alter table tag_history add column verification_message text;
-- A verdict finds the items waiting on its image through this index; it holds only those still waiting.
create index tag_history_unverified on tag_history (docker_image_reference)
    where verification is not null and verification <> 'Verified';
