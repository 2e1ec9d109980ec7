-- Time limits, the facts statistics are counted from, and retention marks. All of it is kept on the concern's row,
-- set by the service as the concern moves (see Deadlines.track and ConcernChanges), never by triggers.
ALTER TABLE concern
    -- Open deadlines: set while the task is pending, cleared when it is done or no longer anyone's to do.
    ADD COLUMN triage_due_at          timestamptz,
    ADD COLUMN first_attempt_due_at   timestamptz,
    -- When the work with the concern ended (CLOSED or an early triage ending); cleared on reopening.
    ADD COLUMN ended_at               timestamptz,
    -- Facts for statistics that survive the erasure of personal data: the first time each thing happened.
    ADD COLUMN reporter_role          text,
    ADD COLUMN first_triaged_at       timestamptz,
    ADD COLUMN first_attempt_at       timestamptz,
    ADD COLUMN contact_established_at timestamptz,
    -- Retention: when the referrer's contact data, and later all personal data, were erased.
    ADD COLUMN referrer_erased_at     timestamptz,
    ADD COLUMN erased_at              timestamptz;

UPDATE concern SET reporter_role = report -> 'reporter' ->> 'role';
UPDATE concern SET first_triaged_at = triaged_at WHERE triaged_at IS NOT NULL;
UPDATE concern SET ended_at = coalesce(closed_at, triaged_at, changed_at)
 WHERE status IN ('CLOSED', 'REDIRECTED', 'DUPLICATE', 'OUTSIDE_TARGET_GROUP');
UPDATE concern c SET first_attempt_at = a.first_at
  FROM (SELECT concern_id, min(attempted_at) AS first_at FROM contact_attempt GROUP BY concern_id) a
 WHERE a.concern_id = c.id;
UPDATE concern c SET contact_established_at = a.first_at
  FROM (SELECT concern_id, min(attempted_at) AS first_at FROM contact_attempt
         WHERE outcome = 'CONTACT_ESTABLISHED' GROUP BY concern_id) a
 WHERE a.concern_id = c.id;

-- The overdue list and digest read open deadlines only.
CREATE INDEX concern_triage_due_idx ON concern (triage_due_at) WHERE triage_due_at IS NOT NULL;
CREATE INDEX concern_first_attempt_due_idx ON concern (first_attempt_due_at) WHERE first_attempt_due_at IS NOT NULL;
-- Retention finds ended concerns whose personal data is still held.
CREATE INDEX concern_ended_idx ON concern (ended_at) WHERE ended_at IS NOT NULL AND erased_at IS NULL;
-- Statistics count concerns by when they were received.
CREATE INDEX concern_received_idx ON concern (received_at);
