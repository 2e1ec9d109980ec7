-- The durable queue between intake and staff. A row is one message; it is deleted in the transaction that
-- handles it. ${producer_role} is the role that may enqueue and do nothing else.
CREATE TABLE queue.message (
    id           uuid        PRIMARY KEY,
    topic        text        NOT NULL,
    payload      jsonb       NOT NULL,
    enqueued_at  timestamptz NOT NULL DEFAULT now(),
    available_at timestamptz NOT NULL DEFAULT now(),
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    dead_at      timestamptz
);

-- Claims read only pending rows; a partial index keeps that fast however many dead rows pile up.
CREATE INDEX message_pending_idx ON queue.message (topic, available_at) WHERE dead_at IS NULL;
CREATE INDEX message_dead_idx ON queue.message (topic, dead_at) WHERE dead_at IS NOT NULL;

-- A wake-up hint for listening consumers, sent when the enqueuing transaction commits. Consumers also poll,
-- so a lost notification only delays a message, never loses it.
CREATE FUNCTION queue.notify_enqueued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('skp_queue', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER message_enqueued AFTER INSERT ON queue.message
    FOR EACH STATEMENT EXECUTE FUNCTION queue.notify_enqueued();

GRANT USAGE ON SCHEMA queue TO ${producer_role};
GRANT INSERT ON queue.message TO ${producer_role};
