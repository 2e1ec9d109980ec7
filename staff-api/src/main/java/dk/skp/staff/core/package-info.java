/**
 * What every feature stands on: the concern's views and commands, the lifecycle table (and its 409), the access
 * check, the changes every move makes (status, version, the reporter's status, the audit row), the audit log,
 * deadlines on the working-day calendar, paging, and the guard that runs a nightly job once per firing. It uses no
 * feature; features use it and the packages below it.
 */
package dk.skp.staff.core;
