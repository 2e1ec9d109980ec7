/**
 * Words of the team's own work (triage, contact attempts, closing), with Danish and English labels like the shared
 * vocabulary. They live here, not in shared-model, because intake and its public API never use them.
 */
package dk.skp.staff.vocabulary;
