-- Tag operations: aliases, snapshots, rollback and hold.

-- A held tag stops following its source: set by a rollback with hold, cleared by a release. Items recorded
-- while held, with a generation above hold_generation, are what a release moves the tag to.
alter table stream_tags add column hold_generation bigint;
alter table stream_tags add column held_since timestamptz;

-- Aliases are found by the stream tag they follow, "stream:tag" in a namespace.
create index stream_tags_alias_source on stream_tags (from_namespace, from_name) where from_kind = 'ImageStreamTag';

-- An observation recorded while the tag was held: shown in history, never pointed at; the tag points at
-- its newest item that is not held.
alter table tag_history add column held boolean not null default false;
