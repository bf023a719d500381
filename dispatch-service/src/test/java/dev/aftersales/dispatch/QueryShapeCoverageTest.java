package dev.aftersales.dispatch;

import dev.aftersales.chassis.test.QueryShapes;
import java.util.Set;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every query this service's tests sent to the store is served by a declared index on real MongoDB
 * (equality fields first, then the sort, then a range): the embedded store ignores non-unique indexes,
 * so only this notices a scan before production data grows. Runs after the other test classes
 * ({@link ClassOrderer.OrderAnnotation} in junit-platform.properties), whose queries it judges.
 */
@Order(Integer.MAX_VALUE)
class QueryShapeCoverageTest {

    /** Master data that stays small (a few hundred to thousands of documents): a scan is fine. */
    private static final Set<String> SMALL = Set.of(
            "dealers", // the dealer network, read whole by the installed-base gauges
            "servicePoints", // the service points routing considers, read whole
            "technicians" // a few per dealer (indexed by dealerId all the same)
            );

    /**
     * Growing collections read whole on purpose; their filtered queries still need an index. An erasure
     * (PIPL: rare, on a customer's request) looks for the customer's data in every document of these.
     */
    private static final Set<String> READ_WHOLE = Set.of(
            "assignments",
            "knownCases",
            "appointments",
            "technicianFeeds",
            "installations",
            "customers",
            "idempotency_keys");

    @Test
    void every_query_shape_on_a_growing_collection_has_an_index() {
        QueryShapes.recorded().assertServed(SMALL, READ_WHOLE);
    }
}
