/**
 * How a concern comes into staff's keeping: off the queue (see the queue package) or entered by a staff member who
 * was told it by phone, in person, by e-mail or letter.
 */
package dk.skp.staff.entry;
