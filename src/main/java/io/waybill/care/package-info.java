/**
 * Customer care: support tickets and delivery feedback (seed 001's "issues" and feedback).
 *
 * <p>A signed-in user opens a {@link io.waybill.care.Ticket}, optionally about a shipment they can
 * see; staff (admins, and the agent assigned to the ticket's shipment) reply, the requester replies
 * back, and the ticket moves through {@link io.waybill.care.TicketStatus}'s transitions. Each change
 * is announced ({@code ticket.opened}, {@code ticket.replied}, {@code ticket.status_changed}): the
 * notifications module mails the other side of a reply, reporting measures the first response.
 * After delivery the customer rates it once ({@link io.waybill.care.Feedback}, changeable for 7 days),
 * announced as {@code feedback.given} for the agents' ratings in the reports.
 *
 * <p>Who may see a shipment, and whether and by whom it was delivered, come from the module's own
 * copy of the shipments ({@link io.waybill.care.ShipmentCopies}, schema {@code care}), fed by the
 * shipments module's events in the consumer group {@code care-shipments}. A copy rather than a call:
 * in a split deployment care runs in a process and database of its own and keeps answering while
 * the shipments service is down; a ticket about a shipment booked a moment ago waits for its
 * {@code shipment.created} at most the event delay.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security", "shipments :: events"})
package io.waybill.care;
