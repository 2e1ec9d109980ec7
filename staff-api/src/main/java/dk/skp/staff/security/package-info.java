/**
 * Who is signed in ({@link dk.skp.staff.security.Viewer}, from the token or the session), which tenant a request
 * is for, browser request checks, and the security log.
 */
package dk.skp.staff.security;
