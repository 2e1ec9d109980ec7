-- The audit trail is read by concern (audit_event_concern_idx), by time (audit_event_occurred_idx) and, for a look
-- into what one staff member did, by actor. Pages are in (occurred_at, id) order.
CREATE INDEX audit_event_actor_idx ON audit_event (actor, occurred_at, id);
