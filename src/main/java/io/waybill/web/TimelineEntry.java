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
        List<TimelineEntry> entries = new ArrayList<>();
        for (PublicTracking.Event event : events) {
            entries.add(new TimelineEntry(event.status(), event.location(), event.timestamp().toString(),
                    local(event.timestamp(), event.timeZone())));
        }
        Collections.reverse(entries);
        return entries;
    }

    static String local(Instant at, String timeZone) {
        ZoneId zone = ZoneId.of(timeZone == null ? "UTC" : timeZone);
        ZonedDateTime there = at.atZone(zone);
        return LOCAL.format(there) + " " + zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
