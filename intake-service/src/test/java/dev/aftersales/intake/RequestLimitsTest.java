package dev.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.RawHttp;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A body above 64 KB is refused 413 before anything reads it, whether or not it declares its length. */
@ServiceSliceTest
class RequestLimitsTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @ParameterizedTest(name = "declared length: {0}")
    @ValueSource(booleans = {true, false})
    void a_90_kb_complaint_gets_413_and_nothing_is_stored(boolean declareLength) {
        var before = mongo.getCollection("complaints").countDocuments(new Document());

        var response = RawHttp.send(
                port,
                "POST",
                "/api/complaints",
                TestTokens.agent("agent-1"),
                "application/json",
                RawHttp.jsonOf("symptoms", 90),
                declareLength);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:aftersales:problem:payload-too-large");
        assertThat(mongo.getCollection("complaints").countDocuments(new Document()))
                .isEqualTo(before);
    }
}
