package io.hubkit.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The server the test client connects to. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SampleHub.class)
public class SampleApplication {
}
