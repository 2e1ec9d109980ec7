/**
 * Administration (admins only): the contact persons, the partners and their API keys, and the dead queue messages.
 */
package dk.skp.staff.admin;
