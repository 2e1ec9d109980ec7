/**
 * staff's mail outbox and its sender: the assignment notice, a question to a reporter, the notice that a reporter
 * answered, and the overdue digest, with references and links only.
 */
package dk.skp.staff.mail;
