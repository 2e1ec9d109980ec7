/**
 * Questions to a concern's reporter: a coordinator asks, the reporter answers once on the status page, and the
 * answer comes back on the queue.
 */
package dk.skp.staff.questions;
