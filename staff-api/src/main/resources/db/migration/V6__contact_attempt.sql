-- Each try to reach the person: when, how, where, with what result and what comes next. Erased with its concern.
CREATE TABLE contact_attempt (
    id           uuid        PRIMARY KEY,
    concern_id   uuid        NOT NULL REFERENCES concern (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    channel      text        NOT NULL,
    place_note   text,
    outcome      text        NOT NULL,
    next_step    text,
    next_step_on date,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX contact_attempt_concern_idx ON contact_attempt (concern_id, attempted_at DESC);
