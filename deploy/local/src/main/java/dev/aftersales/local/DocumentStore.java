package dev.aftersales.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB-wire store: mongo-java-server's in-memory backend inside the launcher's JVM, written
 * to a snapshot file every {@link #SNAPSHOT_INTERVAL} (longer when snapshots grow slow) and at close, and read back at start. So
 * documents and unique indexes survive a restart of a service (the store keeps running) and of the
 * launcher; a launcher killed with SIGKILL loses what changed since the last snapshot. There are
 * no sessions, so no multi-document transactions and no {@code hello} (the services turn off their
 * Mongo health indicator).
 *
 * <p>Not the H2 file backend: it serializes every document and index key with Java serialization
 * on each access and was most of the launcher's CPU under load (see the README's benchmark).
 */
final class DocumentStore implements AutoCloseable {

    /**
     * 30 s; the crash check sets it shorter ({@code -Daftersales.store.snapshot-interval=PT2S}) so that a
     * snapshot surely falls in the middle of its import, however fast the machine imports.
     */
    static final Duration SNAPSHOT_INTERVAL =
            Duration.parse(System.getProperty("aftersales.store.snapshot-interval", "PT30S"));

    private static final String NAMESPACES = "system.namespaces";
    private static final String INDEXES = "system.indexes";

    private final MongoServer server;
    private final SnapshotBackend backend;
    private final Path file;
    private final String connectionBase;
    private final ScheduledExecutorService snapshots;

    private DocumentStore(SnapshotBackend backend, MongoServer server, Path file, String host, int port) {
        this.backend = backend;
        this.server = server;
        this.file = file;
        this.connectionBase = "mongodb://" + host + ":" + port + "/";
        this.snapshots = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "store-snapshot");
            thread.setDaemon(true);
            return thread;
        });
        scheduleSnapshot(SNAPSHOT_INTERVAL);
    }

    /**
     * The pause before the next snapshot: the interval, or three times what the last one took when that is
     * longer. A whole-store snapshot of a large archive takes tens of seconds on a busy machine (copying and
     * encoding every document); at a fixed 30 s it ran half of the time during a 50,000-row import and held
     * every command for seconds each time. Stretched so, snapshots take at most a quarter of the store's time;
     * a launcher killed with SIGKILL loses at most this pause plus one snapshot's writes.
     */
    static Duration pauseAfter(Duration took) {
        var stretched = took.multipliedBy(3);
        return stretched.compareTo(SNAPSHOT_INTERVAL) > 0 ? stretched : SNAPSHOT_INTERVAL;
    }

    private void scheduleSnapshot(Duration pause) {
        try {
            snapshots.schedule(this::snapshotQuietly, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the store is closing; its backend writes the last snapshot
        }
    }

    static DocumentStore start(Path file, String host, int port) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var backend = new SnapshotBackend(file);
        if (Files.isRegularFile(file)) {
            backend.restore(file);
        }
        var server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("the store cannot listen on " + host + ":" + port, e);
        }
        return new DocumentStore(backend, server, file, host, port);
    }

    /** The connection string of one service's database. */
    String uri(String database) {
        return connectionBase + database;
    }

    /**
     * What one snapshot cost: how long the copy under the lock (every command waits for it) and the
     * whole write took, how many documents and bytes it wrote, and the heap of this JVM (the store's
     * memory) right after it.
     */
    record SnapshotCost(
            long documents, long bytes, Duration locked, Duration took, long heapUsedBytes, long heapMaxBytes) {

        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%,d documents, %.1f MiB in %d ms (commands held %d ms); heap %d of %d MiB",
                    documents,
                    bytes / (1024.0 * 1024),
                    took.toMillis(),
                    locked.toMillis(),
                    heapUsedBytes / (1024 * 1024),
                    heapMaxBytes / (1024 * 1024));
        }
    }

    private volatile SnapshotCost lastSnapshot;

    /**
     * Writes every database to the snapshot file (a new file, then renamed over the old one) and
     * prints what it cost, so a growing archive shows when the store needs a larger heap
     * ({@code run-local.sh --store-heap}).
     */
    synchronized SnapshotCost snapshot() {
        var cost = backend.snapshot(file);
        lastSnapshot = cost;
        System.out.println("[local-stack] store snapshot: " + cost);
        return cost;
    }

    /** The last snapshot's cost; null before the first. */
    SnapshotCost lastSnapshot() {
        return lastSnapshot;
    }

    private void snapshotQuietly() {
        var pause = SNAPSHOT_INTERVAL;
        try {
            pause = pauseAfter(snapshot().took());
        } catch (RuntimeException e) {
            System.err.println("[local-stack] store snapshot failed, next one in " + SNAPSHOT_INTERVAL + ": " + e);
        }
        scheduleSnapshot(pause);
    }

    /** Closes client connections, then writes the last snapshot (the backend does, as it closes). */
    @Override
    public void close() {
        snapshots.shutdownNow();
        synchronized (this) {
            server.shutdownNow();
        }
    }

    /** The in-memory backend, able to list and rebuild its databases. */
    static final class SnapshotBackend extends MemoryBackend {

        private final Path file;

        SnapshotBackend(Path file) {
            this.file = file;
        }

        /**
         * One command at a time, its answer copied inside the lock. mongo-java-server's memory backend
         * mutates stored documents in place and hands the stored objects out to be serialised after a
         * command returns, so without this a reader can see half of a write and a version-guarded save
         * based on it can wipe another one (the same fix as the chassis' test store, AtomicMemoryBackend).
         */
        @Override
        public synchronized Document handleCommand(
                Channel channel, String databaseName, String command, Document query) {
            long from = System.nanoTime();
            var answer = super.handleCommand(channel, databaseName, command, query);
            var copied = answer == null ? null : (Document) copy(answer);
            profile.count(databaseName, command, query, System.nanoTime() - from);
            return copied;
        }

        private final CommandProfile profile = new CommandProfile();

        /** What the commands since the last reset cost, per database, collection and command (benchmarks). */
        CommandProfile profile() {
            return profile;
        }

        /**
         * The same deep copy as {@link Document#cloneDeeply()}, in one pass: that one copies each map
         * twice (a shallow clone, then every value put again) and each list through a stream.
         */
        static Object copy(Object value) {
            if (value instanceof Document document) {
                var copy = new Document();
                for (var entry : document.entrySet()) {
                    copy.put(entry.getKey(), copy(entry.getValue()));
                }
                return copy;
            }
            if (value instanceof List<?> list) {
                var copy = new ArrayList<>(list.size());
                for (var element : list) {
                    copy.add(copy(element));
                }
                return copy;
            }
            if (value instanceof Set<?> set) {
                var copy = new LinkedHashSet<>(set.size() * 2);
                for (var element : set) {
                    copy.add(copy(element));
                }
                return copy;
            }
            return value; // strings, numbers, dates, ids: the store replaces them, never changes them
        }

        /** The server closes its backend once no client can write any more: the right time for the last snapshot. */
        @Override
        public void close() {
            System.out.println("[local-stack] last store snapshot: " + snapshot(file));
            super.close();
        }

        @Override
        public SnapshotDatabase openOrCreateDatabase(String name) {
            return new SnapshotDatabase(name, getCursorRegistry());
        }

        Set<String> databaseNames() {
            return listDatabaseNames();
        }

        /**
         * The file is a sequence of length-prefixed BSON frames: {@code {db, collection, document}}
         * per document, then {@code {db, index}} per index other than {@code _id}. Each collection is
         * encoded while no command runs, so a snapshot taken under load holds whole writes only.
         */
        SnapshotCost snapshot(Path file) {
            long started = System.nanoTime();
            long locked = 0;
            long count = 0;
            var temporary = file.resolveSibling(file.getFileName() + ".tmp");
            var buffer = Unpooled.buffer(64 * 1024);
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
                for (var name : listDatabaseNames()) {
                    var database = (SnapshotDatabase) resolveDatabase(name);
                    for (var collectionName : database.collectionNames()) {
                        var collection = database.resolveCollection(collectionName, false);
                        if (collection == null) {
                            continue;
                        }
                        // Copied under the lock (no command runs meanwhile), encoded and written outside it,
                        // so the services wait for a memory copy, not for the disk.
                        var documents = new ArrayList<Object>();
                        long lockedFrom = System.nanoTime();
                        synchronized (this) {
                            for (var document : collection.queryAll()) {
                                documents.add(copy(document));
                            }
                        }
                        locked += System.nanoTime() - lockedFrom;
                        count += documents.size();
                        for (var document : documents) {
                            writeFrame(
                                    out,
                                    buffer,
                                    new Document("db", name)
                                            .append("collection", collectionName)
                                            .append("document", document));
                        }
                    }
                    for (var index : database.secondaryIndexes()) {
                        writeFrame(out, buffer, new Document("db", name).append("index", index));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                buffer.release();
            }
            long bytes;
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                bytes = Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return new SnapshotCost(
                    count,
                    bytes,
                    Duration.ofNanos(locked),
                    Duration.ofNanos(System.nanoTime() - started),
                    heap.getUsed(),
                    heap.getMax());
        }

        private static void writeFrame(DataOutputStream out, ByteBuf buffer, Document frame) throws IOException {
            buffer.clear();
            BsonEncoder.encodeDocument(frame, buffer);
            out.writeInt(buffer.readableBytes());
            buffer.readBytes(out, buffer.readableBytes());
        }

        void restore(Path file) {
            var indexes = new ArrayList<Document>();
            try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                while (true) {
                    int length;
                    try {
                        length = in.readInt();
                    } catch (EOFException end) {
                        break;
                    }
                    var bytes = new byte[length];
                    in.readFully(bytes);
                    var frame = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
                    if (frame.containsKey("index")) {
                        indexes.add(frame);
                        continue;
                    }
                    var database = (SnapshotDatabase) resolveDatabase((String) frame.get("db"));
                    var collectionName = (String) frame.get("collection");
                    var collection = database.resolveCollection(collectionName, false);
                    if (collection == null) {
                        database.createCollectionOrThrowIfExists(collectionName);
                        collection = database.resolveCollection(collectionName, true);
                    }
                    collection.addDocument((Document) frame.get("document"));
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read the store snapshot " + file, e);
            }
            // Indexes last: building one over the restored documents checks them once.
            for (var frame : indexes) {
                ((SnapshotDatabase) resolveDatabase((String) frame.get("db")))
                        .restoreIndex((Document) frame.get("index"));
            }
        }
    }

    static final class SnapshotDatabase extends MemoryDatabase {

        private final CursorRegistry cursors;

        SnapshotDatabase(String name, CursorRegistry cursors) {
            super(name, cursors);
            this.cursors = cursors;
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new UntrackedSizeCollection(this, collectionName, options, cursors);
        }

        List<String> collectionNames() {
            var prefix = getDatabaseName() + ".";
            var names = new ArrayList<String>();
            var namespaces = resolveCollection(NAMESPACES, false);
            if (namespaces != null) {
                for (var namespace : namespaces.queryAll()) {
                    var name = namespace.get("name").toString().substring(prefix.length());
                    if (!name.startsWith("system.")) {
                        names.add(name);
                    }
                }
            }
            return names;
        }

        /** Index descriptions as the store keeps them; {@code _id} comes with every collection. */
        List<Document> secondaryIndexes() {
            var indexes = new ArrayList<Document>();
            var collection = resolveCollection(INDEXES, false);
            if (collection != null) {
                for (var index : collection.queryAll()) {
                    if (!"_id_".equals(index.get("name"))) {
                        indexes.add(index.cloneDeeply());
                    }
                }
            }
            return indexes;
        }

        void restoreIndex(Document description) {
            addIndex(description);
        }
    }

    /**
     * A collection that does not keep its data size (only {@code collStats} and {@code dbStats} report
     * it, and no service asks): keeping it encodes the whole document to BSON on every insert and
     * delete, twice on every update, which was some 4–8 % of the store's CPU in the benchmark.
     */
    static final class UntrackedSizeCollection extends MemoryCollection {

        UntrackedSizeCollection(
                SnapshotDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }
    }

    /** For tests: the backend behind the wire protocol. */
    SnapshotBackend backend() {
        return backend;
    }

    /** For tests: the names of the databases the store holds. */
    Set<String> databases() {
        return backend.databaseNames();
    }
}
