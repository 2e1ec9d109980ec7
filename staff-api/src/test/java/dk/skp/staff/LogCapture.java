package dk.skp.staff;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The lines a log category (and those under it) writes while a test looks: each message as formatted, with its
 * exception, if any, after it. Start with {@link #of}, stop with {@link #stop}; or {@link #during} for one piece of work.
 */
public final class LogCapture extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger;

    private LogCapture(String category) {
        this.logger = Logger.getLogger(category);
        logger.addHandler(this);
    }

    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    /** What {@code category} logged while {@code work} ran. */
    public static List<String> during(String category, Runnable work) {
        LogCapture capture = of(category);
        try {
            work.run();
        } finally {
            capture.stop();
        }
        return capture.lines();
    }

    /** The lines so far (the list goes on growing until {@link #stop}). */
    public List<String> lines() {
        return lines;
    }

    public void stop() {
        logger.removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add((record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage())
                + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    @Override
    public void flush() {
        // kept in memory
    }

    @Override
    public void close() {
        stop();
    }
}
