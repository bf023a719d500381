package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The forwarder in front of several instances: connections go to the instances in turn, a stream
 * passes through line by line while it is still open (an SSE feed), and an instance that is down is
 * skipped.
 */
class RoundRobinForwarderTest {

    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (var closeable : open) {
            closeable.close();
        }
    }

    /** An instance that greets each connection with its name, then echoes each line until the client stops. */
    InetSocketAddress instance(String name) throws IOException {
        var server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        open.add(server);
        var thread = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    var socket = server.accept();
                    new Thread(() -> {
                                try (socket;
                                        var in = new BufferedReader(new InputStreamReader(
                                                socket.getInputStream(), StandardCharsets.UTF_8));
                                        var out = new PrintWriter(socket.getOutputStream(), true)) {
                                    out.println(name);
                                    String line;
                                    while ((line = in.readLine()) != null) {
                                        out.println(name + ":" + line);
                                    }
                                } catch (IOException e) {
                                    // client gone
                                }
                            })
                            .start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    RoundRobinForwarder forwarder(int port, List<InetSocketAddress> instances) {
        var forwarder = RoundRobinForwarder.start("test", "127.0.0.1", port, instances);
        open.add(forwarder);
        return forwarder;
    }

    static String greeting(int port) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        }
    }

    @Test
    void each_new_connection_goes_to_the_next_instance() throws Exception {
        var port = freePort();
        forwarder(port, List.of(instance("A"), instance("B")));

        assertThat(List.of(greeting(port), greeting(port), greeting(port), greeting(port)))
                .containsExactly("A", "B", "A", "B");
    }

    @Test
    void a_stream_passes_through_as_it_is_written_while_the_connection_stays_open() throws Exception {
        var port = freePort();
        forwarder(port, List.of(instance("A")));

        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            var out = new PrintWriter(socket.getOutputStream(), true);
            assertThat(in.readLine()).isEqualTo("A");
            for (int i = 0; i < 3; i++) {
                out.println("event " + i);
                assertThat(in.readLine()).isEqualTo("A:event " + i);
            }
        }
    }

    @Test
    void an_instance_that_is_down_is_skipped() throws Exception {
        var port = freePort();
        var down = new InetSocketAddress("127.0.0.1", freePort());
        forwarder(port, List.of(down, instance("B")));

        assertThat(List.of(greeting(port), greeting(port), greeting(port))).containsOnly("B");
    }

    @Test
    void with_every_instance_down_the_client_connection_is_closed() throws Exception {
        var port = freePort();
        forwarder(port, List.of(new InetSocketAddress("127.0.0.1", freePort())));
        var closed = new CountDownLatch(1);
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            if (socket.getInputStream().read() < 0) {
                closed.countDown();
            }
        }
        assertThat(closed.await(1, TimeUnit.SECONDS)).isTrue();
    }
}
