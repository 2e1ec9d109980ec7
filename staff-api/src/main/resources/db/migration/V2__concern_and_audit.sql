-- A concern as staff holds it: the report exactly as received (jsonb, erased by retention later) and the few
-- columns the team filters and sorts on. The queue's message id makes consuming idempotent.
CREATE TABLE concern (
    id            uuid        PRIMARY KEY,
    message_id    uuid        NOT NULL UNIQUE,
    reference     text        NOT NULL UNIQUE,
    status        text        NOT NULL,
    channel       text        NOT NULL,
    partner_id    text,
    urgency       text        NOT NULL,
    acute_danger  boolean     NOT NULL,
    received_at   timestamptz NOT NULL,
    registered_at timestamptz NOT NULL,
    assigned_to   text,
    version       bigint      NOT NULL DEFAULT 0,
    report        jsonb       NOT NULL
);

-- Keyset pagination, newest first, with and without a status filter.
CREATE INDEX concern_newest_idx ON concern (received_at DESC, id DESC);
CREATE INDEX concern_status_newest_idx ON concern (status, received_at DESC, id DESC);
CREATE INDEX concern_assigned_idx ON concern (assigned_to, received_at DESC, id DESC) WHERE assigned_to IS NOT NULL;

-- Who read, searched or changed which concern, and when. Append-only: rows are never updated; old rows are
-- deleted by the retention schedule only.
CREATE TABLE audit_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    actor_roles text        NOT NULL,
    action      text        NOT NULL,
    concern_id  uuid,
    details     jsonb
);
CREATE INDEX audit_event_concern_idx ON audit_event (concern_id, occurred_at) WHERE concern_id IS NOT NULL;
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
