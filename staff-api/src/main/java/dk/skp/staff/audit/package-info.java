/**
 * Reading the audit trail (who saw or changed a concern, and when), itself audited. Rows are written by
 * {@link dk.skp.staff.core.AuditLog}, purged by retention.
 */
package dk.skp.staff.audit;
