package dk.skp.staff.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

/**
 * How the scheduled clean-ups work through old rows: in batches, each in a transaction of its own, so a first run
 * over years of rows never holds long locks, and from a cut-off counted in calendar terms in the municipality's zone.
 */
final class Batches {

    private Batches() {
    }

    /** {@code now - period} in {@code zone}: two years are two years across leap days, 90 days across summer time. */
    static Instant cutoff(Clock now, ZoneId zone, Period period) {
        return ZonedDateTime.now(now).withZoneSameInstant(zone).minus(period).toInstant();
    }

    /** Runs {@code batch} in a new transaction each time until it handles fewer than {@code size} rows. */
    static long untilDone(int size, Supplier<Integer> batch) {
        long done = 0;
        while (true) {
            int handled = QuarkusTransaction.requiringNew().call(batch::get);
            done += handled;
            if (handled < size) {
                return done;
            }
        }
    }
}
