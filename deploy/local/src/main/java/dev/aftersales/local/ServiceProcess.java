package dev.aftersales.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One service instance as a child JVM running its packaged jar, wired to the local broker, store and
 * token key. With several instances of a service ({@code --instances}) each has its own port, log
 * and pid file ({@code intake-2}); the first writes the class-data archive, the others only map it.
 */
final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final String name;
    private final boolean writesClassData;
    private final int port;
    private final LocalStackConfig config;
    private final Path jar;
    private final List<String> arguments;
    private final ClassDataArchive classData;
    private final URI baseUrl;
    private ChildProcess process;

    /**
     * @param kafkaCredentials the file with the service's broker credentials as Spring Boot properties;
     *     only its path goes on the command line
     */
    ServiceProcess(
            Service service,
            LocalStackConfig config,
            String bootstrapServers,
            Path kafkaCredentials,
            String storeUri,
            Path publicKeyFile) {
        this(service, 1, config.port(service), config, bootstrapServers, kafkaCredentials, storeUri, publicKeyFile);
    }

    /**
     * @param instance 1 to {@code config.instances()}
     * @param port where this instance listens
     */
    ServiceProcess(
            Service service,
            int instance,
            int port,
            LocalStackConfig config,
            String bootstrapServers,
            Path kafkaCredentials,
            String storeUri,
            Path publicKeyFile) {
        this.service = service;
        this.name = config.instances() == 1 ? service.id() : service.id() + "-" + instance;
        this.writesClassData = instance == 1;
        this.port = port;
        this.config = config;
        this.jar = service.jarIn(config.repoRoot());
        this.classData = new ClassDataArchive(service, jar, config.dataDir());
        this.baseUrl = URI.create("http://" + config.host() + ":" + port);
        this.arguments = List.of(
                "--server.port=" + port,
                "--server.address=" + config.host(),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.config.import=file:" + kafkaCredentials,
                "--spring.mongodb.uri=" + storeUri,
                // The store does not answer `hello`, so Boot's Mongo health check would always say DOWN.
                "--management.health.mongodb.enabled=false",
                // The profile lets a service accept the launcher's own token issuer (refused without it).
                "--spring.profiles.active=local",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TokenIssuer.ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + TokenIssuer.AUDIENCE,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKeyFile);
        this.process = new ChildProcess(name, List.of(), config.dataDir());
    }

    Service service() {
        return service;
    }

    /** {@code intake}, or {@code intake-2} when several instances run: its log and pid file names. */
    String name() {
        return name;
    }

    int port() {
        return port;
    }

    URI url() {
        return baseUrl;
    }

    synchronized ChildProcess process() {
        return process;
    }

    /** Starts the JVM; the command is made anew each time, as the class-data archive may have appeared. */
    void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no " + jar + ": build it first (./mvnw -DskipTests package -pl deploy/local -am)");
        }
        var command = new ArrayList<String>();
        command.add(ChildProcess.javaBinary());
        command.addAll(config.serviceJvmOptions());
        if (config.classDataSharing()) {
            command.addAll(writesClassData ? classData.launch() : classData.launchIfArchived());
        } else {
            command.addAll(List.of("-jar", jar.toString()));
        }
        command.addAll(arguments);
        var started = new ChildProcess(name, command, config.dataDir());
        started.start();
        synchronized (this) {
            process = started;
        }
    }

    /**
     * One look at {@code /actuator/health/readiness}: true once it answers 200 (listeners started,
     * store reachable). Fails if the process has exited, with the end of its log.
     */
    boolean probeReady() {
        var process = process();
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    name + "-service exited during start; see " + process.log() + "\n" + process.logTail(40));
        }
        var probe = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** Graceful shutdown: the service finishes in-flight requests and commits its consumer offsets. */
    void stop() {
        var stoppedInTime = process().stop(Duration.ofSeconds(45));
        if (config.classDataSharing() && writesClassData) {
            classData.stopped(stoppedInTime);
        }
    }

    /** Kills the JVM at once (SIGKILL), as a crash would: nothing is flushed, committed or handed back. */
    void kill() {
        process().kill();
    }
}
