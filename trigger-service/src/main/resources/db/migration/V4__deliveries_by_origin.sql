-- The subscriber a delivery counts against, copied from its trigger's webhook origin when the delivery is made, so
-- that a claim reads each subscriber's oldest due deliveries from an index instead of ranking every due delivery
-- (which, with a backlog, cost more per claim than the attempts it started). A webhook moved to another origin
-- while deliveries wait sends them to its new URL, counted against the origin they were made for.
alter table deliveries add column origin text;
update deliveries d set origin = coalesce(t.webhook_origin, '') from triggers t where t.id = d.trigger_id;
alter table deliveries alter column origin set not null;
create index deliveries_due_by_origin on deliveries (origin, next_attempt_at, id) where status = 'pending';
drop index deliveries_due;
