-- Mails staff sends (assignment notices, overdue digests), written in the transaction of the change they announce
-- and sent afterwards by a schedule, so an SMTP outage never blocks or rolls back the team's work. A mail carries
-- a reference and a link, never a concern's content. Sent rows are deleted; after too many failures a row is parked
-- (parked_at) for an operator.
CREATE TABLE mail_outbox (
    id           uuid        PRIMARY KEY,
    kind         text        NOT NULL,
    reference    text,
    recipient    text        NOT NULL,
    subject      text        NOT NULL,
    body         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    available_at timestamptz NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    parked_at    timestamptz
);

-- The sender reads only mails waiting to go, oldest due first.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (available_at) WHERE parked_at IS NULL;
