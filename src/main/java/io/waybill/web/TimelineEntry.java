package io.waybill.web;

import io.waybill.tracking.PublicTracking;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One line of a timeline as a page shows it: the time at the place where it happened (UTC when the
 * place's zone is unknown), newest first.
 *
 * @param status   the status's wire name, whose label the message bundle gives
 * @param dateTime the instant, for the {@code datetime} attribute
 * @param local    the wall-clock time at the place, with its zone's short name
 */
record TimelineEntry(String status, String location, String dateTime, String local) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    static List<TimelineEntry> of(List<PublicTracking.Event> events) {
        return newestFirst(events.stream()
                .map(event -> at(event.status(), event.location(), event.timestamp(), event.timeZone())).toList());
    }

    /** An entry at this instant, shown in the zone of its place (null: unknown). */
    static TimelineEntry at(String status, String location, Instant at, String timeZone) {
        ZoneId zone = ZoneId.of(timeZone == null ? "UTC" : timeZone);
        ZonedDateTime there = at.atZone(zone);
        return new TimelineEntry(status, location, at.toString(),
                LOCAL.format(there) + " " + zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
    }

    /** Entries given oldest first, as histories are kept, turned newest first. */
    static List<TimelineEntry> newestFirst(List<TimelineEntry> oldestFirst) {
        List<TimelineEntry> entries = new ArrayList<>(oldestFirst);
        Collections.reverse(entries);
        return entries;
    }
}
