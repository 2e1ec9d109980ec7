/**
 * Reading concerns: the list, the inbox, the claimable ones, one concern whole, its linked concerns and its safety
 * briefing. Every read is audited.
 */
package dk.skp.staff.reading;
