-- Erasure leaves nothing personal behind (see ConcernRetention): from now on it also clears the redirection and the
-- handing over (free text naming a service, often a person there) and a duplicate's pointer, and deletes the outbox
-- mails and the entry's idempotency record of the concern. Concerns erased before this release get the same now, so
-- that the rule holds for every row; their version moves on, so nobody overwrites the change with an older read.
UPDATE concern
   SET redirected_to = NULL,
       handed_over_to = NULL,
       duplicate_of = NULL,
       changed_at = now(),
       version = version + 1
 WHERE erased_at IS NOT NULL
   AND (redirected_to IS NOT NULL OR handed_over_to IS NOT NULL OR duplicate_of IS NOT NULL);

DELETE FROM mail_outbox m
 WHERE EXISTS (SELECT 1 FROM concern c
                WHERE c.erased_at IS NOT NULL
                  AND (m.reference = c.reference OR strpos(m.body, c.reference) > 0));

DELETE FROM entry_idempotency i
 WHERE EXISTS (SELECT 1 FROM concern c WHERE c.id = i.concern_id AND c.erased_at IS NOT NULL);
