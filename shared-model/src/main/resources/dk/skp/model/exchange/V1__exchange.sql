-- What intake and staff share besides the queue. Staff owns it; ${producer_role} (intake) gets exactly the
-- columns it needs and nothing that describes a concern.

-- The coarse status a reporter may look up with the passcode they got once. Rows exist only for reporters who
-- asked for status updates; staff updates the status, intake answers look-ups and counts wrong passcodes.
CREATE TABLE exchange.reporter_status (
    reference         text        PRIMARY KEY,
    passcode_hash     text        NOT NULL,
    status            text        NOT NULL DEFAULT 'RECEIVED',
    status_changed_at timestamptz NOT NULL DEFAULT now(),
    failed_attempts   integer     NOT NULL DEFAULT 0,
    locked_until      timestamptz
);

-- Partner organisations (police districts, housing associations, ...) and their API keys, managed by staff
-- admins. Only a SHA-256 of each key is kept: the key itself is shown once, when it is made.
CREATE TABLE exchange.partner (
    id           text        PRIMARY KEY,
    name         text        NOT NULL,
    default_role text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz
);

CREATE TABLE exchange.partner_key (
    key_hash   text        PRIMARY KEY,
    partner_id text        NOT NULL REFERENCES exchange.partner (id),
    key_prefix text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX partner_key_partner_idx ON exchange.partner_key (partner_id);

GRANT USAGE ON SCHEMA exchange TO ${producer_role};
GRANT INSERT ON exchange.reporter_status TO ${producer_role};
GRANT SELECT (reference, passcode_hash, status, failed_attempts, locked_until),
      UPDATE (failed_attempts, locked_until) ON exchange.reporter_status TO ${producer_role};
GRANT SELECT ON exchange.partner, exchange.partner_key TO ${producer_role};
