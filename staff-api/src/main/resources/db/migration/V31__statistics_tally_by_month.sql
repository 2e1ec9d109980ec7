-- Statistics for a year read ~12 rows per value instead of ~365 (StatisticsRepository): concern_tally_month holds, per
-- UTC month of receipt, the sum of the month's compacted day rows of concern_tally. StatisticsRepository.compact keeps
-- it so in the same statement that folds a day (what it folds of the appended rows is added to the month), so a
-- month's figures are its row here plus its day rows not yet folded, in any snapshot. The triggers still only append
-- day rows; nothing else writes here.
CREATE TABLE concern_tally_month (
    month  date   NOT NULL, -- the first day of the month
    figure text   NOT NULL,
    value  text   NOT NULL,
    n      bigint NOT NULL,
    PRIMARY KEY (month, figure, value)
);

INSERT INTO concern_tally_month (month, figure, value, n)
SELECT date_trunc('month', day::timestamp)::date, figure, value, sum(n)
  FROM concern_tally
 WHERE compacted
 GROUP BY 1, 2, 3
HAVING sum(n) <> 0;

CREATE OR REPLACE FUNCTION concern_tally_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM staff.concern_tally;
    DELETE FROM staff.concern_tally_month;
    RETURN NULL;
END
$$;
