-- The overdue digest goes out once per working day, however many staff instances run its schedule: the instance
-- that inserts the day's row writes the mail in the same transaction; any other finds the row (or waits for the first
-- to commit) and writes nothing. A digest that rolls back leaves no row, so the next run can write it.
CREATE TABLE overdue_digest (
    day      date        PRIMARY KEY,
    -- When the digest was written to the mail outbox (the sender delivers it shortly after).
    sent_at  timestamptz NOT NULL,
    -- How many overdue deadlines it listed: a count, never which concerns.
    concerns integer     NOT NULL
);
