package dev.aftersales.chassis.test;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;

/** One in-memory MongoDB-wire server per test JVM; each Spring context gets its own database in it. */
public final class EmbeddedMongo {

    private static MongoServer server;
    private static InetSocketAddress address;

    private EmbeddedMongo() {}

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new AtomicMemoryBackend());
            address = server.bind();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }
}
