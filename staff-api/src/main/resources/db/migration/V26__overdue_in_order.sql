-- The overdue list reads each kind of deadline in its order (due, id) and stops after a page: (due, id) indexes
-- replace the ones on the due time alone, which made PostgreSQL sort every missed deadline for each page.
DROP INDEX concern_triage_due_idx;
DROP INDEX concern_first_attempt_due_idx;
CREATE INDEX concern_triage_due_idx ON concern (triage_due_at, id) WHERE triage_due_at IS NOT NULL;
CREATE INDEX concern_first_attempt_due_idx ON concern (first_attempt_due_at, id) WHERE first_attempt_due_at IS NOT NULL;
