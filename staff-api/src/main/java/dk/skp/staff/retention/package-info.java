/**
 * What is erased or deleted when: the personal data of concerns whose work is over, old audit rows, old dead
 * messages. Nightly, one run per firing however many instances run it.
 */
package dk.skp.staff.retention;
