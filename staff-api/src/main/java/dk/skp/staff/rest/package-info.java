/**
 * What every resource shares: the limits the API document gives, If-Match, query parameters, the body-limit and
 * optimistic-lock answers. It uses no other package of staff-api.
 */
package dk.skp.staff.rest;
