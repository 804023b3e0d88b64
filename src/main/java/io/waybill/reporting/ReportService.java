package io.waybill.reporting;

import io.waybill.network.NetworkService;
import io.waybill.shipments.DailyFigures;
import io.waybill.shipments.ShipmentStatistics;
import io.waybill.shipments.ShipmentStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Puts the shipments' daily figures and the hub list together into one report. */
@Service
public class ReportService {

    private static final DailyFigures.HubFigures NOTHING = new DailyFigures.HubFigures(0, 0);

    private final ShipmentStatistics statistics;
    private final NetworkService network;
    private final Clock clock;

    ReportService(ShipmentStatistics statistics, NetworkService network, Clock clock) {
        this.statistics = statistics;
        this.network = network;
        this.clock = clock;
    }

    public DailyReport daily(LocalDate date) {
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DailyFigures figures = statistics.dailyFigures(day);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Arrays.stream(ShipmentStatus.values()).forEach(status -> byStatus.put(status.wireName(),
                figures.inStatus(status)));
        List<DailyReport.HubLine> byHub = network.allHubs().stream()
                .map(hub -> {
                    DailyFigures.HubFigures hubFigures = figures.byHub().getOrDefault(hub.id(), NOTHING);
                    return new DailyReport.HubLine(hub.id(), hub.hubName(), hub.city(), hubFigures.booked(),
                            hubFigures.delivered());
                })
                .toList();
        return new DailyReport(day, figures.booked(), figures.inStatus(ShipmentStatus.DELIVERED),
                figures.inStatus(ShipmentStatus.IN_TRANSIT), figures.inStatus(ShipmentStatus.OUT_FOR_DELIVERY),
                figures.inStatus(ShipmentStatus.CANCELLED), byStatus, byHub);
    }
}
