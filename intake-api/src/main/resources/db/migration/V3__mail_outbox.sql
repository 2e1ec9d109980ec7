-- Mails waiting to be sent: receipts to reporters and alerts to the team. A row is written in the same transaction
-- as the concern's queue message, so a mail is promised exactly when the concern is accepted, and an SMTP outage
-- only delays it. Holds a recipient address only while the mail is pending: a sent mail's row is deleted, and a
-- mail given up after too many attempts keeps only what an operator needs (kind, reference, language, error).
CREATE TABLE mail_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('RECEIPT', 'TEAM_ALERT')),
    reference       text        NOT NULL,
    language        text        NOT NULL CHECK (language IN ('da', 'en')),
    recipient       text,
    acute_danger    boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    available_at    timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    last_attempt_at timestamptz,
    last_error      text,
    failed_at       timestamptz,
    -- A pending mail has an address; a mail given up has none, whatever the code that parked it did.
    CONSTRAINT mail_outbox_address_only_while_pending CHECK ((failed_at IS NULL) = (recipient IS NOT NULL))
);

-- The sender only ever looks for pending mails that are due.
CREATE INDEX mail_outbox_due ON mail_outbox (available_at) WHERE failed_at IS NULL;
