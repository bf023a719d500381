package dev.aftersales.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.RawHttp;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

/** A body above 64 KB is refused 413 before anything reads it, whether or not it declares its length. */
@ServiceSliceTest
class RequestLimitsTest {

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = {true, false})
    void a_90_kb_survey_gets_413(boolean declareLength) {
        var response = RawHttp.send(
                port,
                "POST",
                "/api/return-calls/RC-none/survey",
                TestTokens.agent("agent-1"),
                "application/json",
                RawHttp.jsonOf("suggestions", 90),
                declareLength);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:aftersales:problem:payload-too-large");
    }
}
