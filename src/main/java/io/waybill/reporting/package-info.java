/**
 * Reports for admins: the day's bookings and status figures, and figures per hub. It reads other
 * modules only through their public APIs.
 */
package io.waybill.reporting;
