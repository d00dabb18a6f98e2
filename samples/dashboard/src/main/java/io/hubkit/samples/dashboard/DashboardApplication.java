package io.hubkit.samples.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the dashboard: the page on {@code /}, the hub on {@code /hubs/dashboard}, the hubs endpoint
 * and health on {@code /actuator}. Metrics are sampled every {@code dashboard.sample-interval}.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class DashboardApplication {

    public static void main(String[] args) {
        SpringApplication.run(DashboardApplication.class, args);
    }
}
