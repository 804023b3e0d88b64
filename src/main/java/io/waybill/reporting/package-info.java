/**
 * Reports for admins: the day's bookings and status figures, figures per hub, support tickets'
 * first-response times and agents' delivery ratings (from the care module's events). It learns
 * everything from other modules' published events, never from their code or tables.
 *
 * <p>Besides its counters it keeps a read model of the hubs it names ({@code reporting.hubs},
 * {@link io.waybill.reporting.HubNames}), fed by the network module's {@code hub.created},
 * {@code hub.updated} and {@code hub.deleted} events. A read model rather than a call to a network
 * HTTP API: a report is built from this module's own tables in one read-only transaction, so it
 * keeps working (and stays fast) while the network service is down or slow, and the figures it
 * names come from events anyway; a name that lags by the event delay after a hub is renamed is of
 * no consequence in a daily report.
 *
 * <p>Line haul per lane (origin hub to destination hub) comes from the linehaul module's
 * {@code bag.sealed} and {@code bag.scanned} events ({@link io.waybill.reporting.LaneFigures}), the
 * on-time rule being {@link io.waybill.reporting.BagArrival}'s.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "shipments :: events", "network :: events", "identity :: events", "care :: events", "linehaul :: events"})
package io.waybill.reporting;
