package dev.aftersales.chassis.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class QueryShapesTest {

    private final QueryShapes shapes = new QueryShapes();

    @Test
    void an_index_with_the_equality_fields_then_the_sort_then_a_range_serves_a_query() {
        send("{createIndexes: 'assignments', indexes: [{key: {technicianId: 1, createdAt: -1, dueAt: 1}, name: 'x'}]}");
        send("{find: 'assignments', filter: {technicianId: 'T-1', dueAt: {$lt: 5}}, sort: {createdAt: -1}}");

        assertThat(shapes.uncovered(Set.of())).isEmpty();
    }

    @Test
    void the_same_query_is_reported_once_its_index_is_gone() {
        send("{find: 'assignments', filter: {technicianId: 'T-1', dueAt: {$lt: 5}}, sort: {createdAt: -1}}");

        assertThat(shapes.uncovered(Set.of()))
                .containsExactly(new QueryShapes.Shape(
                        "assignments", Set.of("technicianId"), List.of("createdAt"), Set.of("dueAt")));
    }

    @Test
    void a_range_before_the_sort_in_the_index_does_not_serve_it() {
        send("{createIndexes: 'calls', indexes: [{key: {dueAt: 1, status: 1}, name: 'x'}]}");
        send("{find: 'calls', filter: {status: 'DUE', dueAt: {$lte: 5}}}");

        assertThat(shapes.uncovered(Set.of())).hasSize(1);
    }

    @Test
    void reads_and_guarded_updates_by_id_need_no_index_and_small_collections_are_left_out() {
        send("{update: 'stock', updates: [{q: {_id: 'D-1/P-1', version: 3}, u: {$set: {onHand: 2}}}]}");
        send("{find: 'technicians', filter: {dealerId: 'D-1'}}");

        assertThat(shapes.uncovered(Set.of("technicians"))).isEmpty();
    }

    @Test
    void each_branch_of_an_or_needs_its_own_index_and_a_whole_collection_read_is_a_scan() {
        send("{createIndexes: 'cases', indexes: [{key: {agentId: 1}, name: 'a'}]}");
        send("{find: 'cases', filter: {$or: [{agentId: 'A-1'}, {phoneKey: '+86138'}]}}");
        send("{find: 'outbox', filter: {}}");

        assertThat(shapes.uncovered(Set.of()))
                .extracting(QueryShapes.Shape::collection)
                .containsExactly("cases", "outbox");
    }

    @Test
    void a_distinct_is_served_by_an_index_that_starts_with_its_key() {
        send("{createIndexes: 'stock', indexes: [{key: {locationId: 1, partNumber: 1}, name: 'x'}]}");
        send("{distinct: 'stock', key: 'locationId', query: {}}");
        send("{distinct: 'stock', key: 'partNumber', query: {}}");

        assertThat(shapes.uncovered(Set.of()))
                .containsExactly(new QueryShapes.Shape("stock", Set.of(), List.of("partNumber"), Set.of()));
    }

    @Test
    void a_range_on_the_sort_field_is_served_by_the_index_on_that_field_and_a_count_of_all_reads_no_document() {
        send("{createIndexes: 'complaints', indexes: [{key: {nextSlaDue: 1}, name: 'x'}]}");
        send("{find: 'complaints', filter: {nextSlaDue: {$lte: 5}}, sort: {nextSlaDue: 1}}");
        send("{count: 'phone_keys', query: {}}");
        send("{count: 'phone_keys'}");

        assertThat(shapes.uncovered(Set.of())).isEmpty();
    }

    @Test
    void a_whole_collection_read_may_be_allowed_while_its_filtered_queries_still_need_an_index() {
        send("{find: 'machines', filter: {}}");
        send("{find: 'machines', filter: {dealerId: 'D-1'}}");

        assertThat(shapes.uncovered(Set.of(), Set.of("machines")))
                .containsExactly(new QueryShapes.Shape("machines", Set.of("dealerId"), List.of(), Set.of()));
    }

    @Test
    void the_tests_own_looks_into_the_store_are_told_from_the_services_queries() {
        assertThat(QueryShapes.testCode(QueryShapesTest.class)).isTrue();
        assertThat(QueryShapes.testCode(dev.aftersales.chassis.audit.AuditTrail.class))
                .isFalse();
    }

    private void send(String json) {
        var command = BsonDocument.parse(json);
        shapes.commandStarted(new CommandStartedEvent(null, 1, 1, null, "test", command.getFirstKey(), command));
    }
}
