package dev.aftersales.intake;

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
    private static final Set<String> SMALL = Set.of();

    /** Growing collections read whole on purpose; their filtered queries still need an index. */
    private static final Set<String> READ_WHOLE = Set.of(
            "machines", // once, at the first start without phone keys: keys the entries stored before them
            // an erasure (PIPL: rare, on a customer's request) looks for their data in every document;
            // and once at start, the cases stored before the case search get their phone keys
            "complaints",
            "customers",
            "idempotency_keys");

    @Test
    void every_query_shape_on_a_growing_collection_has_an_index() {
        QueryShapes.recorded().assertServed(SMALL, READ_WHOLE);
    }
}
