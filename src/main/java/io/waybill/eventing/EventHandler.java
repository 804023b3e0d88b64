package io.waybill.eventing;

import java.util.Set;

/**
 * A module's consumer of events. Each handler is its own consumer group: it sees every event of
 * its topics once, in order per key, whichever transport carries them. It runs in a database
 * transaction together with the record that it has seen the event, so a redelivered event is
 * skipped; effects outside the database must be idempotent by themselves.
 */
public interface EventHandler {

    /** The consumer group, unique in the application, e.g. {@code reporting}. */
    String group();

    Set<String> topics();

    void handle(ReceivedEvent event);
}
