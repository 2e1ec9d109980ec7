/**
 * Contact attempts, recorded by the contact person who holds the concern or by a coordinator.
 */
package dk.skp.staff.contact;
