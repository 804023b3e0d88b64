package io.waybill.delivery;

import io.waybill.kernel.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A batch of points from one agent's phone, judged point by point as it arrives. A phone that was
 * offline sends its points late, so age is judged against the moment of arrival: a point taken
 * more than {@code maxAge} before it is refused as too old, one taken after it (beyond
 * {@code maxClockSkew}, for phones whose clock runs a little ahead) as in the future, and one with
 * a missing or impossible field as invalid. The others are accepted; one bad point never costs the
 * good ones. Only the batch itself can be refused whole: empty, or more than {@value #MAX_POINTS}
 * points.
 */
public final class LocationBatch {

    public static final int MAX_POINTS = 100;

    private final List<Accepted> accepted;
    private final List<Refused> refused;

    private LocationBatch(List<Accepted> accepted, List<Refused> refused) {
        this.accepted = List.copyOf(accepted);
        this.refused = List.copyOf(refused);
    }

    /** What is checked against what: the clock's now, and how old or early a point may be. */
    public record Rules(Duration maxAge, Duration maxClockSkew) {
    }

    /** An accepted point, with its place in the batch. */
    public record Accepted(int index, LocationPoint point) {
    }

    /** A refused point: its place in the batch, why, and which field when one is to blame. */
    public record Refused(int index, Reason reason, String field, String detail) {
    }

    public enum Reason {
        INVALID, TOO_OLD, IN_FUTURE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static LocationBatch judge(List<ReportedPoint> points, Instant arrivedAt, Rules rules) {
        if (points == null || points.isEmpty()) {
            throw new InvalidRequestException("points", "must hold at least one point");
        }
        if (points.size() > MAX_POINTS) {
            throw new InvalidRequestException("points", "must hold at most " + MAX_POINTS + " points");
        }
        Instant oldest = arrivedAt.minus(rules.maxAge());
        Instant latest = arrivedAt.plus(rules.maxClockSkew());
        List<Accepted> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (int index = 0; index < points.size(); index++) {
            ReportedPoint point = points.get(index);
            Refused problem = problemOf(index, point, oldest, latest, rules);
            if (problem != null) {
                refused.add(problem);
            } else {
                accepted.add(new Accepted(index, new LocationPoint(point.lat(), point.lon(), point.accuracyM(),
                        point.recordedAt())));
            }
        }
        return new LocationBatch(accepted, refused);
    }

    private static Refused problemOf(int index, ReportedPoint point, Instant oldest, Instant latest, Rules rules) {
        if (point == null) {
            return new Refused(index, Reason.INVALID, null, "is not a point");
        }
        if (point.lat() == null || !Double.isFinite(point.lat()) || point.lat() < -90 || point.lat() > 90) {
            return new Refused(index, Reason.INVALID, "lat", "is required, between -90 and 90");
        }
        if (point.lon() == null || !Double.isFinite(point.lon()) || point.lon() < -180 || point.lon() > 180) {
            return new Refused(index, Reason.INVALID, "lon", "is required, between -180 and 180");
        }
        if (point.accuracyM() != null && (!Double.isFinite(point.accuracyM()) || point.accuracyM() < 0
                || point.accuracyM() > LocationPoint.MAX_ACCURACY_M)) {
            return new Refused(index, Reason.INVALID, "accuracy_m",
                    "must be between 0 and " + (long) LocationPoint.MAX_ACCURACY_M);
        }
        if (point.recordedAt() == null) {
            return new Refused(index, Reason.INVALID, "recorded_at", "is required");
        }
        if (point.recordedAt().isBefore(oldest)) {
            return new Refused(index, Reason.TOO_OLD, "recorded_at",
                    "is more than " + describe(rules.maxAge()) + " ago");
        }
        if (point.recordedAt().isAfter(latest)) {
            return new Refused(index, Reason.IN_FUTURE, "recorded_at", "is in the future");
        }
        return null;
    }

    private static String describe(Duration duration) {
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
    }

    public List<Accepted> accepted() {
        return accepted;
    }

    public List<Refused> refused() {
        return refused;
    }

    public List<LocationPoint> acceptedPoints() {
        return accepted.stream().map(Accepted::point).toList();
    }

    /** The accepted point taken last: the candidate for the agent's latest position. */
    public Optional<LocationPoint> newest() {
        return accepted.stream().map(Accepted::point).max(Comparator.comparing(LocationPoint::recordedAt));
    }
}
