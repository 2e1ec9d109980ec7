-- Concerns staff enter themselves (told by phone, in person, by e-mail or letter), and the citizen's say when the
-- work ends. Nothing here is personal: a staff member's subject and name, codes and yes/no answers.
ALTER TABLE concern
    -- Who took the concern, when staff entered it; null for concerns that came through intake.
    ADD COLUMN entered_by           text,
    ADD COLUMN entered_by_name      text,
    -- Closing as HANDED_OVER: the citizen agreed, to which lasting services, and whether SKP may pass their data
    -- on to them. DECLINED: the citizen said no (agreed = false), with the services offered if any. Kept when
    -- personal data is erased: statistics count them.
    ADD COLUMN consent_agreed       boolean,
    ADD COLUMN consent_services     text[],
    ADD COLUMN consent_data_sharing boolean;

-- A concern closed as DECLINED before consent was recorded: the reason itself says that the citizen said no.
UPDATE concern SET consent_agreed = false WHERE closing_reason = 'DECLINED';

-- A staff member's Idempotency-Key for entering a concern: a retried POST (a lost answer, a second tap) gets the
-- concern the first one made instead of a second concern. Kept for a day (skp.staff.entry.idempotency-retention).
CREATE TABLE entry_idempotency (
    subject      text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    concern_id   uuid        REFERENCES concern (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (subject, key)
);
CREATE INDEX entry_idempotency_created_idx ON entry_idempotency (created_at);
