package io.hubkit.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The hub service: a self-hosted equivalent of Azure SignalR Service. Clients connect on
 * {@code /client/?hub=…}, app servers on {@code /server/?hub=…}; see {@code ServiceProperties}
 * for the {@code hubkit.service.*} settings. Default port 8888, like Azure's emulator.
 */
@SpringBootApplication
public class HubServiceApplication {

    /** Starts the service; {@code --server.port=N} and every {@code hubkit.service.*} setting may be passed. */
    public static void main(String[] args) {
        SpringApplication.run(HubServiceApplication.class, args);
    }
}
