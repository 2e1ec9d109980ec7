/**
 * Who is signed in, as the staff client needs it to show each role its own screens.
 */
package dk.skp.staff.me;
