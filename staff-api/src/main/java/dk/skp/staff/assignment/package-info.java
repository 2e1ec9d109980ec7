/**
 * Who holds a concern: a coordinator assigns, reassigns and unassigns; a contact person claims one.
 */
package dk.skp.staff.assignment;
