package dev.aftersales.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The configuration of a local stack for one end-to-end test class: its own data folder under target/
 * (emptied, and any child process a killed run left there stopped) and ports free right now.
 */
final class FreshStack {

    private FreshStack() {}

    static LocalStackConfig config(Path dataDir) throws IOException {
        ChildProcess.stopLeftovers(dataDir.toAbsolutePath().normalize());
        deleteRecursively(dataDir);
        var ports = freePorts(7);
        return LocalStackConfig.defaults(dataDir, BuildTree.repoRoot())
                .withBrokerPorts(ports.get(0), ports.get(1))
                .withStorePort(ports.get(2))
                .withServicePort(Service.INTAKE, ports.get(3))
                .withServicePort(Service.DISPATCH, ports.get(4))
                .withServicePort(Service.PARTS, ports.get(5))
                .withServicePort(Service.FOLLOWUP, ports.get(6))
                // Archives pay off from the second start of a data dir; this one is fresh each time.
                .withClassDataSharing(false);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Ports free right now; all held open together so that no two are the same. */
    private static List<Integer> freePorts(int count) throws IOException {
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (var i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (var socket : sockets) {
                socket.close();
            }
        }
    }
}
