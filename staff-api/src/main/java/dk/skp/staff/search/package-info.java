/**
 * Finding the same person: search by what a report says, and the concerns that may be about the same person.
 */
package dk.skp.staff.search;
