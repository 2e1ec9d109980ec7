-- A coordinator's question to the reporter of a concern, shown on the status page to a reporter who has the passcode.
-- Staff writes the question; intake reads only what the status page shows and marks a question answered. The answer
-- itself never rests here: intake sends it to staff on the queue (topic reporter-answered) in the transaction that
-- sets answered_at, and staff keeps it in its own schema, which intake cannot read. Rows go with the concern's
-- personal data (ConcernRetention).
CREATE TABLE exchange.reporter_question (
    id          uuid        PRIMARY KEY,
    reference   text        NOT NULL,
    question    text        NOT NULL CHECK (char_length(question) BETWEEN 1 AND 500),
    asked_at    timestamptz NOT NULL,
    answered_at timestamptz
);

-- One open question per concern at a time: the reporter sees one question and answers it, then the team may ask again.
CREATE UNIQUE INDEX reporter_question_open_idx ON exchange.reporter_question (reference) WHERE answered_at IS NULL;
CREATE INDEX reporter_question_reference_idx ON exchange.reporter_question (reference);

GRANT SELECT (id, reference, question, asked_at, answered_at), UPDATE (answered_at)
   ON exchange.reporter_question TO ${producer_role};
