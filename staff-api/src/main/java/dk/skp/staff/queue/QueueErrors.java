package dk.skp.staff.queue;

import dk.skp.model.problem.Failures;

/**
 * Says why a message failed, for the queue's error column, the log and the admin's dead-message list, without
 * repeating the message's content: driver and framework messages often quote the values they choked on.
 */
final class QueueErrors {

    private QueueErrors() {
    }

    static String describe(Throwable failure) {
        return Failures.describe(failure);
    }
}
