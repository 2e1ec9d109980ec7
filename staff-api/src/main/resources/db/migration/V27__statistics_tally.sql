-- Statistics from a tally instead of the concerns themselves (StatisticsRepository): for each day (UTC) of receipt,
-- how many concerns have each value of each figure statistics reports. Triggers on concern keep it in the same
-- transaction as every change (the services, retention, a migration, SQL typed by hand), so it is always exact.
--
-- The triggers only append (+n for the new rows of a statement, -n for the old ones): concurrent transactions never
-- wait for each other on a counter. StatisticsRepository.compact folds the appended rows of a day into one per value
-- (every minute); reads sum whatever is there, so they are exact before and after.

-- Elapsed times (receipt to first triage, ...) are counted in buckets about 9 % wide (2^(1/8)) of seconds: bucket 0
-- is below one second (or negative), bucket i is [t(i), t(i+1)) with t the whole-second thresholds below. The median
-- is then read exactly: the tally says which bucket holds it, and only that bucket's concerns of the period are read
-- (by the index on the bucket below). Any fixed function that grows with the time would do; this one is cheap.
DO $do$
DECLARE
    thresholds float8[];
BEGIN
    SELECT array_agg(t ORDER BY t) INTO thresholds
      FROM (SELECT DISTINCT round(power(2::numeric, k / 8.0))::float8 AS t FROM generate_series(0, 240) AS k) s;
    EXECUTE format($f$
        CREATE FUNCTION elapsed_bucket(since timestamptz, reached timestamptz) RETURNS integer
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            RETURN width_bucket(date_part('epoch', reached - since), %L::float8[])$f$, thresholds);
END
$do$;

-- What one concern counts for: (figure, value) pairs. RECEIVED counts every concern; a value that is NULL counts
-- nowhere. DISTRICT keeps the spelling (trimmed); statistics compares districts without regard to case.
-- (Plain SQL with every name qualified, so that PostgreSQL inlines it into the queries that call it.)
CREATE FUNCTION concern_tally_keys(received_at timestamptz, reporter_role text, channel text, status text,
                                   triage_outcome text, closing_reason text, district text, first_triaged_at timestamptz,
                                   first_attempt_at timestamptz, contact_established_at timestamptz,
                                   consent_agreed boolean, consent_data_sharing boolean, consent_services text[],
                                   target_groups text[])
    RETURNS TABLE (figure text, value text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT k.figure, k.value
      FROM (VALUES ('RECEIVED', ''),
                   ('REPORTER_ROLE', reporter_role),
                   ('CHANNEL', channel),
                   ('STATUS', status),
                   ('TRIAGE_OUTCOME', triage_outcome),
                   ('CLOSING_REASON', closing_reason),
                   ('DISTRICT', btrim(district)),
                   ('FIRST_TRIAGE', staff.elapsed_bucket(received_at, first_triaged_at)::text),
                   ('FIRST_ATTEMPT', staff.elapsed_bucket(received_at, first_attempt_at)::text),
                   ('CONTACT_ESTABLISHED', staff.elapsed_bucket(received_at, contact_established_at)::text),
                   ('CONSENT', CASE WHEN status = 'CLOSED' AND closing_reason = 'HANDED_OVER' AND consent_agreed
                                    THEN 'HANDED_OVER_WITH_CONSENT' END),
                   ('CONSENT', CASE WHEN status = 'CLOSED' AND closing_reason = 'HANDED_OVER' AND consent_agreed
                                         AND consent_data_sharing THEN 'DATA_SHARING' END),
                   ('CONSENT', CASE WHEN status = 'CLOSED' AND closing_reason = 'DECLINED' THEN 'DECLINED' END)
           ) AS k (figure, value)
     WHERE k.value IS NOT NULL
    UNION ALL
    SELECT 'TARGET_GROUP', g FROM unnest(target_groups) AS g WHERE g IS NOT NULL
    UNION ALL
    SELECT CASE closing_reason WHEN 'HANDED_OVER' THEN 'HANDED_OVER_SERVICE' ELSE 'DECLINED_SERVICE' END, s
      FROM unnest(consent_services) AS s
     WHERE s IS NOT NULL AND status = 'CLOSED' AND closing_reason IN ('HANDED_OVER', 'DECLINED')
$$;

CREATE FUNCTION tally_day(received_at timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (received_at AT TIME ZONE 'UTC')::date;

CREATE TABLE concern_tally (
    day       date    NOT NULL,
    figure    text    NOT NULL,
    value     text    NOT NULL,
    n         bigint  NOT NULL,
    -- false: appended by a trigger, not yet folded into the day's one row per value
    compacted boolean NOT NULL DEFAULT false
);
CREATE INDEX concern_tally_day_idx ON concern_tally (day);
CREATE INDEX concern_tally_fresh_idx ON concern_tally (day) WHERE NOT compacted;

-- (Trigger functions run with the caller's search path, which need not hold staff: every name is qualified.)
CREATE FUNCTION concern_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO staff.concern_tally (day, figure, value, n)
    SELECT staff.tally_day(c.received_at), k.figure, k.value, count(*)
      FROM new_rows c, LATERAL staff.concern_tally_keys(c.received_at, c.reporter_role, c.channel, c.status, c.triage_outcome,
                 c.closing_reason, c.district, c.first_triaged_at, c.first_attempt_at, c.contact_established_at,
                 c.consent_agreed, c.consent_data_sharing, c.consent_services, c.target_groups) k
     GROUP BY 1, 2, 3;
    RETURN NULL;
END
$$;

CREATE FUNCTION concern_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO staff.concern_tally (day, figure, value, n)
    SELECT staff.tally_day(c.received_at), k.figure, k.value, -count(*)
      FROM old_rows c, LATERAL staff.concern_tally_keys(c.received_at, c.reporter_role, c.channel, c.status, c.triage_outcome,
                 c.closing_reason, c.district, c.first_triaged_at, c.first_attempt_at, c.contact_established_at,
                 c.consent_agreed, c.consent_data_sharing, c.consent_services, c.target_groups) k
     GROUP BY 1, 2, 3;
    RETURN NULL;
END
$$;

CREATE FUNCTION concern_tally_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO staff.concern_tally (day, figure, value, n)
    SELECT day, figure, value, sum(n)
      FROM (SELECT staff.tally_day(c.received_at) AS day, k.figure, k.value, 1 AS n
              FROM new_rows c, LATERAL staff.concern_tally_keys(c.received_at, c.reporter_role, c.channel, c.status, c.triage_outcome,
                 c.closing_reason, c.district, c.first_triaged_at, c.first_attempt_at, c.contact_established_at,
                 c.consent_agreed, c.consent_data_sharing, c.consent_services, c.target_groups) k
            UNION ALL
            SELECT staff.tally_day(c.received_at), k.figure, k.value, -1
              FROM old_rows c, LATERAL staff.concern_tally_keys(c.received_at, c.reporter_role, c.channel, c.status, c.triage_outcome,
                 c.closing_reason, c.district, c.first_triaged_at, c.first_attempt_at, c.contact_established_at,
                 c.consent_agreed, c.consent_data_sharing, c.consent_services, c.target_groups) k) d
     GROUP BY 1, 2, 3
    HAVING sum(n) <> 0;
    RETURN NULL;
END
$$;

CREATE FUNCTION concern_tally_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM staff.concern_tally;
    RETURN NULL;
END
$$;

CREATE TRIGGER concern_tally_insert AFTER INSERT ON concern REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION concern_tally_inserted();
CREATE TRIGGER concern_tally_update AFTER UPDATE ON concern REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION concern_tally_updated();
CREATE TRIGGER concern_tally_delete AFTER DELETE ON concern REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION concern_tally_deleted();
CREATE TRIGGER concern_tally_truncate AFTER TRUNCATE ON concern
    FOR EACH STATEMENT EXECUTE FUNCTION concern_tally_truncated();

-- The concerns already there.
INSERT INTO concern_tally (day, figure, value, n, compacted)
SELECT tally_day(c.received_at), k.figure, k.value, count(*), true
  FROM concern c, LATERAL concern_tally_keys(c.received_at, c.reporter_role, c.channel, c.status, c.triage_outcome,
                 c.closing_reason, c.district, c.first_triaged_at, c.first_attempt_at, c.contact_established_at,
                 c.consent_agreed, c.consent_data_sharing, c.consent_services, c.target_groups) k
 GROUP BY 1, 2, 3;

-- A median reads the concerns of one bucket in the period only.
CREATE INDEX concern_first_triage_bucket_idx ON concern (elapsed_bucket(received_at, first_triaged_at), received_at)
    INCLUDE (first_triaged_at) WHERE first_triaged_at IS NOT NULL;
CREATE INDEX concern_first_attempt_bucket_idx ON concern (elapsed_bucket(received_at, first_attempt_at), received_at)
    INCLUDE (first_attempt_at) WHERE first_attempt_at IS NOT NULL;
CREATE INDEX concern_contact_bucket_idx ON concern (elapsed_bucket(received_at, contact_established_at), received_at)
    INCLUDE (contact_established_at) WHERE contact_established_at IS NOT NULL;
