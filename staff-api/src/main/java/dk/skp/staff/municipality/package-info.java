/**
 * The municipality's profile, as the staff client reads it.
 */
package dk.skp.staff.municipality;
