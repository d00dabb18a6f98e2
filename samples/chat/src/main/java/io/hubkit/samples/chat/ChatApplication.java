package io.hubkit.samples.chat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the chat: the page on {@code /}, the hub on {@code /hubs/chat}, announcements on
 * {@code POST /api/announcements}. Everything is kept in memory; restart and it is gone.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChatApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatApplication.class, args);
    }
}
