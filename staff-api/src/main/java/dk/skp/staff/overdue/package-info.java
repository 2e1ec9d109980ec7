/**
 * Concerns past a deadline: the overdue list staff read, and the daily digest mail to the coordinators.
 */
package dk.skp.staff.overdue;
