-- Retention (see ConcernChanges.move and ConcernRetention). From now on the referrer's name, phone and e-mail are
-- erased as the work with a concern ends; concerns that ended before this release get the same now, so that the
-- rule holds for every row. The version moves on, so nobody overwrites the change with an older read.
UPDATE concern
   SET report = jsonb_set(jsonb_set(jsonb_set(report, '{reporter,name}', 'null'), '{reporter,phone}', 'null'),
                          '{reporter,email}', 'null'),
       referrer_erased_at = now(),
       changed_at = now(),
       version = version + 1
 WHERE ended_at IS NOT NULL AND referrer_erased_at IS NULL AND jsonb_typeof(report -> 'reporter') = 'object';
