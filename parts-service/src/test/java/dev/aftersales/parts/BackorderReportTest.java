package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The backorder report by period: per dealer, what was backordered on the period's days and what became of it. */
@ServiceSliceTest
class BackorderReportTest {

    static final String DISPATCHER = TestTokens.token("disp-r", Map.of(), Role.DISPATCHER);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Value("${local.server.port}")
    int port;

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    SetStock setStock;

    @Autowired
    MutableClock clock;

    String backorder(String dealer, int quantity) {
        var requestId = "RQ-R" + UUID.randomUUID().toString().substring(0, 8);
        var outcome = reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(),
                requestId,
                "C-" + requestId,
                "ASG-" + requestId,
                dealer,
                "P-R-" + requestId,
                quantity));
        assertThat(outcome).isEqualTo(ReservationOutcome.BACKORDERED);
        return requestId;
    }

    JsonNode report(String query) throws Exception {
        var response = new PartsApi(port).get("/api/reports/backorders" + query, DISPATCHER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    static JsonNode rowOf(JsonNode report, String dealer) {
        for (var row : report.path("dealers")) {
            if (row.path("dealerId").asString().equals(dealer)) {
                return row;
            }
        }
        return null;
    }

    @Test
    void counts_a_dealers_backorders_of_the_period_and_what_became_of_them() throws Exception {
        var dealer = "D-R" + UUID.randomUUID().toString().substring(0, 6);
        var other = "D-R" + UUID.randomUUID().toString().substring(0, 6);
        var start = clock.instant();
        try {
            countsOverTwoDays(dealer, other);
        } finally {
            // back to the shared clock's time: other tests' holds must not expire because of this one
            clock.set(start);
        }
    }

    void countsOverTwoDays(String dealer, String other) throws Exception {
        var firstDay = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        var served = backorder(dealer, 2);
        backorder(dealer, 3);
        backorder(other, 1);
        clock.advance(Duration.ofDays(2));
        var laterDay = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        backorder(dealer, 4);
        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(dealer, "P-R-" + served, 5, 0))));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(rowOf(report("?dealerId=" + dealer), dealer)
                                .path("served")
                                .asInt())
                        .isEqualTo(1));

        var whole = rowOf(report("?from=" + firstDay + "&to=" + laterDay), dealer);
        assertThat(whole.path("backordered").asInt()).isEqualTo(3);
        assertThat(whole.path("unitsBackordered").asInt()).isEqualTo(9);
        assertThat(whole.path("served").asInt()).isEqualTo(1);
        assertThat(whole.path("waiting").asInt()).isEqualTo(2);
        assertThat(whole.path("unitsWaiting").asInt()).isEqualTo(7);
        assertThat(whole.path("servedShare").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rowOf(report("?from=" + firstDay + "&to=" + laterDay), other)
                        .path("backordered")
                        .asInt())
                .isEqualTo(1);

        var lastDayOnly = report("?from=" + laterDay + "&to=" + laterDay + "&dealerId=" + dealer);
        assertThat(lastDayOnly.path("from").asString()).isEqualTo(laterDay.toString());
        assertThat(lastDayOnly.path("dealers")).hasSize(1);
        assertThat(rowOf(lastDayOnly, dealer).path("unitsBackordered").asInt()).isEqualTo(4);
        assertThat(rowOf(report("?dealerId=" + other + "&from=" + laterDay), other))
                .isNull();
    }

    @Test
    void a_bad_period_is_refused_naming_the_field() throws Exception {
        var api = new PartsApi(port);
        var badDate = api.get("/api/reports/backorders?from=2026-13-01", DISPATCHER);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("\"from\"");
        var tooLong = api.get("/api/reports/backorders?from=2025-01-01&to=2026-06-30", DISPATCHER);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"to\"");
        var reversed = api.get("/api/reports/backorders?from=2026-02-02&to=2026-02-01", DISPATCHER);
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("\"from\"");
    }
}
