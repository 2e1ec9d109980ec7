/**
 * The concern's tables, which core and several features read: concerns, their contact attempts and questions to
 * the reporter, contact persons, the reporter's status and the audit events. A table only one feature reads lives in
 * that feature's package.
 */
package dk.skp.staff.repository;
