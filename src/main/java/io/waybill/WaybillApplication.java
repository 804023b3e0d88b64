package io.waybill;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Each module's settings are one {@code *Properties} record, found by the scan. Both scans leave out
 * the business modules this process does not run (WAYBILL_SERVICES; see {@code kernel.startup.ServiceScope}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WaybillApplication {

    public static void main(String[] args) {
        SpringApplication.run(WaybillApplication.class, args);
    }
}
