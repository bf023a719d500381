package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory store keeps what the services wrote across a restart of the launcher. */
class DocumentStoreTest {

    @TempDir
    Path dir;

    @Test
    void documents_and_unique_indexes_survive_a_restart_through_the_snapshot() throws IOException {
        var file = dir.resolve("store.snapshot");
        var store = DocumentStore.start(file, "127.0.0.1", freePort());
        var complaints = collection(store, "intake", "complaints");
        complaints.addDocument(new Document("_id", "C-1")
                .append("version", 3L)
                .append("timeline", List.of(new Document("what", "REGISTERED"))));
        complaints.addDocument(new Document("_id", "C-2").append("version", 0L));
        database(store, "intake")
                .restoreIndex(new Document("key", new Document("_id", 1).append("version", 1))
                        .append("name", "_id_version")
                        .append("ns", "intake.complaints")
                        .append("unique", true));
        collection(store, "dispatch", "assignments").addDocument(new Document("_id", "ASG-C-1"));
        store.close();

        var restarted = DocumentStore.start(file, "127.0.0.1", freePort());
        try {
            assertThat(restarted.databases()).contains("intake", "dispatch");
            var restored = new ArrayList<Document>();
            collection(restarted, "intake", "complaints").queryAll().forEach(restored::add);
            assertThat(restored)
                    .extracting(d -> d.get("_id"), d -> d.get("version"))
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("C-1", 3L),
                            org.assertj.core.groups.Tuple.tuple("C-2", 0L));
            assertThat(restored.stream().filter(d -> d.get("_id").equals("C-1")))
                    .singleElement()
                    .satisfies(d -> assertThat(d.get("timeline").toString()).contains("REGISTERED"));
            assertThat(collection(restarted, "dispatch", "assignments").count()).isEqualTo(1);
            assertThat(collection(restarted, "intake", "complaints").getIndexes())
                    .extracting(de.bwaldvogel.mongo.backend.Index::getName)
                    .contains("_id_", "_id_version");
            assertThatThrownBy(() -> collection(restarted, "intake", "complaints")
                            .addDocument(new Document("_id", "C-1").append("version", 3L)))
                    .isInstanceOf(MongoServerError.class);
        } finally {
            restarted.close();
        }
    }

    @Test
    void snapshots_come_every_thirty_seconds_until_one_takes_longer_than_ten_then_three_times_apart_as_it_took() {
        assertThat(DocumentStore.pauseAfter(java.time.Duration.ofMillis(250)))
                .isEqualTo(DocumentStore.SNAPSHOT_INTERVAL);
        assertThat(DocumentStore.pauseAfter(java.time.Duration.ofSeconds(10)))
                .isEqualTo(DocumentStore.SNAPSHOT_INTERVAL);
        assertThat(DocumentStore.pauseAfter(java.time.Duration.ofSeconds(40)))
                .isEqualTo(java.time.Duration.ofSeconds(120));
    }

    @Test
    void a_fresh_store_starts_empty_and_writes_its_snapshot_at_close() throws IOException {
        var file = dir.resolve("store.snapshot");
        var store = DocumentStore.start(file, "127.0.0.1", freePort());
        assertThat(store.databases()).isEmpty();
        store.close();
        assertThat(file).isRegularFile();
        var again = DocumentStore.start(file, "127.0.0.1", freePort());
        assertThat(again.databases()).isEmpty();
        again.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_answer_is_a_deep_copy_that_later_writes_to_the_stored_document_do_not_reach() {
        var stored = new Document("_id", "C-1")
                .append("timeline", new ArrayList<>(List.of(new Document("what", "REGISTERED"))))
                .append("sla", new Document("onSiteDue", "2026-11-24"));
        var answer = new Document("cursor", new Document("firstBatch", List.of(stored)));
        var copy = DocumentStore.SnapshotBackend.copy(answer);

        ((List<Document>) stored.get("timeline")).add(new Document("what", "TECHNICIAN_ASSIGNED"));
        ((Document) stored.get("sla")).put("onSiteDue", "2026-11-25");
        stored.put("status", "ASSIGNED");

        assertThat(copy)
                .isEqualTo(new Document(
                        "cursor",
                        new Document(
                                "firstBatch",
                                List.of(new Document("_id", "C-1")
                                        .append("timeline", List.of(new Document("what", "REGISTERED")))
                                        .append("sla", new Document("onSiteDue", "2026-11-24"))))));
    }

    private static DocumentStore.SnapshotDatabase database(DocumentStore store, String name) {
        return (DocumentStore.SnapshotDatabase) store.backend().resolveDatabase(name);
    }

    private static de.bwaldvogel.mongo.MongoCollection<?> collection(
            DocumentStore store, String database, String name) {
        var db = database(store, database);
        var collection = db.resolveCollection(name, false);
        if (collection == null) {
            db.createCollectionOrThrowIfExists(name);
            collection = db.resolveCollection(name, true);
        }
        return collection;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
