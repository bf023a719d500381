package dev.aftersales.followup;

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
            "questionnaires" // the survey questionnaires: a handful of versions, listed whole
            );

    /**
     * Growing collections read whole on purpose; their filtered queries still need an index. Both are
     * reports over everything and should become tallies kept as surveys and case files arrive.
     */
    private static final Set<String> READ_WHOLE = Set.of(
            "case_files", // the fault report counts every case file by model, batch and part
            "surveys" // SERVQUAL scores by group and the satisfaction gauges average every survey
            );

    @Test
    void every_query_shape_on_a_growing_collection_has_an_index() {
        QueryShapes.recorded().assertServed(SMALL, READ_WHOLE);
    }
}
