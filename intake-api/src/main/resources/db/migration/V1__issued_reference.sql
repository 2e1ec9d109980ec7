-- References handed out by intake. Intake cannot read the queue or staff's tables, so this is where it makes sure
-- a random reference is never given twice. Holds no personal data.
CREATE TABLE issued_reference (
    reference text        PRIMARY KEY,
    issued_at timestamptz NOT NULL DEFAULT now()
);
