package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.clock.PlatformClock;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.chassis.time.WallClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/** Outside the local stack there is no platform clock: no door, no header, the system clock. */
@ServiceSliceTest
class ProductionClockTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    @Autowired
    WallClock wallClock;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_clock_door_is_absent_even_for_ops() throws Exception {
        var ops = TestTokens.signed(TestTokens.claims("ops-1", Role.OPS).build());
        for (var request : new HttpRequest.Builder[] {
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/clock"))
                    .GET(),
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/clock"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"P30D\"}"))
        }) {
            var response = http.send(
                    request.header("Authorization", "Bearer " + ops).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Aftersales-Clock")).isEmpty();
        }
    }

    @Test
    void the_business_clock_is_the_system_clock() {
        assertThat(context.getBeansOfType(PlatformClock.class)).isEmpty();
        assertThat(clock).isEqualTo(Clock.systemUTC());
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(wallClock).isSameAs(WallClock.system());
    }
}
