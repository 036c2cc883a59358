-- The outbox takes the shape the tag- and trigger-services' outboxes have, so that one relay reads all three.
alter table outbox add column topic text;
alter table outbox add column subject text;
update outbox set topic = 'registry-tag-events', subject = record_key;
alter table outbox alter column topic set not null;

-- Retention deletes old applied-event records in small chunks, each found through this index.
create index applied_events_applied_at on applied_events (applied_at);
