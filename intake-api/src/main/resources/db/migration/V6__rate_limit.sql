-- Rate limits shared by every intake instance (dk.skp.intake.service.RateLimiter): one row per bucket and fixed
-- window, counted up by one atomic upsert per request. A bucket is a purpose and an HMAC of the client's address
-- (IPv6 by its /64) or the partner's id, so no address is stored in clear. Rows are needed only while their window
-- runs; housekeeping deletes older ones.
CREATE TABLE rate_limit (
    bucket       text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE INDEX rate_limit_window_start ON rate_limit (window_start);

-- Receipt mails per reporter address and day (dk.skp.intake.mail.MailOutbox): the address only as an HMAC with the
-- server's secret, never in clear. Deleted by housekeeping once the day is over.
CREATE TABLE receipt_count (
    address_hmac text NOT NULL,
    day          date NOT NULL,
    receipts     integer NOT NULL,
    PRIMARY KEY (address_hmac, day)
);
