/**
 * The queue's door into staff: consumers that open the sealed messages and hand them to the entry and questions
 * features, with their transactions, errors and metrics.
 */
package dk.skp.staff.queue;
