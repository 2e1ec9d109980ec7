-- Idempotency-Key support for partner clients: the first answer to (partner, key) is kept for 24 hours and given
-- again to a retry with the same body. The answer holds the reference and the notice, never the passcode.
CREATE TABLE idempotency_record (
    scope        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    response     jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
