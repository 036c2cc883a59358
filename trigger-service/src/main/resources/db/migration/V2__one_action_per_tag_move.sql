-- One action per (trigger, tag move) instead of one per (trigger, digest) for ever: a tag that goes back to an
-- image a trigger fired for before (a rollback) has moved again, and the trigger fires again. The idempotency key
-- now derives from the trigger's uid, the followed tag and the move's generation and digest, so it stays the
-- unique key: a replayed tag.updated of a move that fired already finds its key spent and fires nothing.
alter table actions drop constraint actions_trigger_id_digest_key;

-- The history generation of the move that fired the action; null for actions recorded before this migration.
alter table actions add column generation bigint;
