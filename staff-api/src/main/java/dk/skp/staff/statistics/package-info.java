/**
 * Counts and median times over a period, from the statistics tally; no personal data.
 */
package dk.skp.staff.statistics;
