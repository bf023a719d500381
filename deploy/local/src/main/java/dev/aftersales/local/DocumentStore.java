package dev.aftersales.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-wire store: mongo-java-server with its H2 backend on one file, inside the launcher's
 * JVM. Documents and unique indexes survive a restart; there are no sessions, so no multi-document
 * transactions and no {@code hello} (the services turn off their Mongo health indicator).
 */
final class DocumentStore implements AutoCloseable {

    private final MongoServer server;
    private final String connectionBase;

    private DocumentStore(MongoServer server, String host, int port) {
        this.server = server;
        this.connectionBase = "mongodb://" + host + ":" + port + "/";
    }

    static DocumentStore start(Path file, String host, int port) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var server = new MongoServer(new H2Backend(file.toString()));
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("the store cannot listen on " + host + ":" + port, e);
        }
        return new DocumentStore(server, host, port);
    }

    /** The connection string of one service's database. */
    String uri(String database) {
        return connectionBase + database;
    }

    /** Closes client connections and the H2 file, which writes what is still buffered. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
