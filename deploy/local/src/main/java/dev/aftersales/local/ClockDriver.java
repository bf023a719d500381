package dev.aftersales.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Runs the platform clock {@code speed} times faster than the wall clock ({@code --speed N}): every
 * wall second it advances the clock through OPS' door by N times the wall time that passed since the
 * last advance, so an advance that took long (many due times in it) is caught up by the next. Each
 * advance lives through its due times in order, as any advance does.
 */
final class ClockDriver implements AutoCloseable {

    private final URI door;
    private final String opsToken;
    private final long speed;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread thread;
    private volatile boolean running = true;

    private ClockDriver(URI intake, String opsToken, long speed) {
        this.door = intake.resolve("/admin/clock");
        this.opsToken = opsToken;
        this.speed = speed;
        this.thread = new Thread(this::run, "platform-clock-driver");
        this.thread.setDaemon(true);
    }

    static ClockDriver start(LocalStack stack, long speed) {
        if (speed < 2 || speed > 100_000) {
            throw new IllegalArgumentException("--speed must be between 2 and 100000");
        }
        var driver =
                new ClockDriver(stack.url(Service.INTAKE), stack.demoTokens().get("OPS_TOKEN"), speed);
        driver.thread.start();
        System.out.println("[local-stack] the platform clock runs " + speed + " times faster than the wall clock");
        return driver;
    }

    private void run() {
        var last = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(1_000);
                var now = System.nanoTime();
                var by = Duration.ofNanos((now - last) * speed).withNanos(0);
                last = now;
                var request = HttpRequest.newBuilder(door)
                        .header("Authorization", "Bearer " + opsToken)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"" + by + "\"}"))
                        .build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    System.out.println(
                            "[local-stack] clock advance answered " + response.statusCode() + ": " + response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                System.out.println("[local-stack] clock advance failed, retrying: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
