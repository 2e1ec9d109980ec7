/**
 * A coordinator's decisions about a concern: triage, closing, reopening, links and the visit team.
 */
package dk.skp.staff.lifecycle;
