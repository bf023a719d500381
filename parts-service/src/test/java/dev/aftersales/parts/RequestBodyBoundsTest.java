package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.RequestBodies;
import org.junit.jupiter.api.Test;

/** No request can carry an unbounded text or list into the service (and from there into an event). */
class RequestBodyBoundsTest {

    @Test
    void every_text_list_and_map_of_every_request_body_has_a_size_bound() {
        var bodies = RequestBodies.of("dev.aftersales.parts");

        assertThat(bodies).as("request bodies found").isNotEmpty();
        assertThat(bodies.stream().flatMap(b -> b.unbounded().stream())).isEmpty();
    }
}
