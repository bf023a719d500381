package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.RawHttp;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

/** 64 KB on every door, declared length or not; only the stock imports take more (8 MB). */
@ServiceSliceTest
class RequestLimitsTest {

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = {true, false})
    void a_90_kb_stock_update_gets_413(boolean declareLength) {
        var body = ("[{\"locationId\": \"D-LIM\", \"partNumber\": \"" + "x".repeat(90 * 1024) + "\", \"onHand\": 1}]")
                .getBytes();

        var response =
                RawHttp.send(port, "PUT", "/api/stock", TestTokens.ops(), "application/json", body, declareLength);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:aftersales:problem:payload-too-large");
    }

    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = {true, false})
    void a_90_kb_body_on_a_door_that_reads_none_gets_413(boolean declareLength) {
        var response = RawHttp.send(
                port,
                "POST",
                "/api/transfers/TR-none/shipped",
                TestTokens.ops(),
                "application/json",
                RawHttp.jsonOf("note", 90),
                declareLength);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = {true, false})
    void a_stock_count_file_of_a_megabyte_is_read(boolean declareLength) {
        // one stock line, then a megabyte of blank lines (skipped by the reader, not by the size limit)
        var csv = new StringBuilder("locationId,partNumber,onHand\nD-LIM-BULK,PART-1,5\n");
        while (csv.length() < 1024 * 1024) {
            csv.append(" ".repeat(1000)).append('\n');
        }

        var response = RawHttp.send(
                port,
                "POST",
                "/api/stock/imports",
                TestTokens.ops(),
                "text/csv",
                csv.toString().getBytes(),
                declareLength);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
