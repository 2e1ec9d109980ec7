-- One row per run of a scheduled job (see ScheduledRuns): every staff instance fires the same cron at the same
-- moment, and the instance whose INSERT takes the (job, fire_time) row runs it; the others find it taken and skip.
CREATE TABLE scheduled_run (
    job        text        NOT NULL,
    fire_time  timestamptz NOT NULL,
    claimed_at timestamptz NOT NULL,
    claimed_by text        NOT NULL,
    PRIMARY KEY (job, fire_time)
);
