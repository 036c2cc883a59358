-- Retention deletes old applied-event records in small chunks, each found through this index.
create index applied_events_applied_at on applied_events (applied_at);
