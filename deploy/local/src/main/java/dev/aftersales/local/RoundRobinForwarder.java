package dev.aftersales.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's usual port when several instances run ({@code --instances}): each accepted
 * connection goes to the next instance in turn, and the bytes are copied both ways as they come. It
 * reads no HTTP, so a server-sent event stream passes through unbuffered and a keep-alive connection
 * stays with the instance it reached (round-robin per connection, as a Kubernetes service does). An
 * instance that does not accept the connection is skipped; with all down the client's connection
 * is closed. A thread per direction of each connection: enough for a developer's machine.
 */
final class RoundRobinForwarder implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final String name;
    private final List<InetSocketAddress> instances;
    private final ServerSocket server;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean open = true;

    private RoundRobinForwarder(String name, ServerSocket server, List<InetSocketAddress> instances) {
        this.name = name;
        this.server = server;
        this.instances = List.copyOf(instances);
    }

    /** Listens on {@code host:port} and forwards to {@code instances}; returns once listening. */
    static RoundRobinForwarder start(String name, String host, int port, List<InetSocketAddress> instances) {
        try {
            var server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(host, port), 512);
            var forwarder = new RoundRobinForwarder(name, server, instances);
            var acceptor = new Thread(forwarder::acceptAll, "forward-" + name);
            acceptor.setDaemon(true);
            acceptor.start();
            return forwarder;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " for " + name, e);
        }
    }

    private void acceptAll() {
        while (open) {
            try {
                var client = server.accept();
                var connection = new Thread(() -> forward(client), "forward-" + name + "-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                if (open) {
                    System.out.println("[local-stack] " + name + " forwarder: " + e.getMessage());
                }
            }
        }
    }

    private void forward(Socket client) {
        var instance = connectToNext();
        if (instance == null) {
            closeQuietly(client);
            return;
        }
        try {
            client.setTcpNoDelay(true);
            instance.setTcpNoDelay(true);
            var back = new Thread(() -> copy(instance, client), "forward-" + name + "-back");
            back.setDaemon(true);
            back.start();
            copy(client, instance);
            back.join();
        } catch (IOException e) {
            // the connection broke; both ends are closed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(instance);
        }
    }

    /** The next instance that accepts a connection, starting with the one whose turn it is. */
    private Socket connectToNext() {
        var start = Math.floorMod(next.getAndIncrement(), instances.size());
        for (int i = 0; i < instances.size(); i++) {
            var address = instances.get((start + i) % instances.size());
            var socket = new Socket();
            try {
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                return socket;
            } catch (IOException e) {
                closeQuietly(socket); // down or restarting: the next one
            }
        }
        return null;
    }

    /** Copies one direction until its end, then half-closes the other side so the peer sees the end too. */
    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
