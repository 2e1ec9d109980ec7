package dk.skp.staff.mail;

import java.util.UUID;

/**
 * One line of the overdue digest: which concern (by reference and link) and which deadline it missed. Nothing else
 * of the concern goes into a mail.
 */
public record OverdueConcern(String reference, UUID concernId, Deadline missed) {

    public enum Deadline {
        /** Not triaged within skp.staff.deadlines.triage-working-days. */
        TRIAGE,
        /** No contact attempt within skp.staff.deadlines.first-attempt-working-days of assignment. */
        FIRST_ATTEMPT
    }
}
