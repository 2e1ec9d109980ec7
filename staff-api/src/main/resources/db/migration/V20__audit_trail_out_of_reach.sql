-- The audit trail moves to the audit schema, which the database bootstrap (DatabaseBootstrap) makes and gives to a
-- role of its own: this service's role may add audit rows and read them, but no longer change, delete or truncate
-- them, nor drop the table - as the owner of staff.audit_event it always could. Old rows go only through
-- audit.purge_before, which the retention schedule calls. Run the bootstrap of this version before this migration
-- (bin/run does); without it this fails on the missing audit schema and changes nothing.
INSERT INTO audit.audit_event (occurred_at, actor, actor_roles, action, concern_id, details, actor_name)
SELECT occurred_at, actor, actor_roles, action, concern_id, details, actor_name FROM audit_event ORDER BY id;
DROP TABLE audit_event;
DROP FUNCTION audit_event_is_append_only();

-- Everything that read or wrote staff.audit_event goes on doing so, through a view with the staff role's rights.
CREATE VIEW audit_event AS
SELECT id, occurred_at, actor, actor_roles, action, concern_id, details, actor_name FROM audit.audit_event;
