package dev.aftersales.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What to start and where. Every port is overridable so that a test can run the stack next to a
 * running one; {@code dataDir} holds everything that survives a restart.
 *
 * @param repoRoot the source tree whose {@code <svc>-service/target/<svc>-service.jar} are run
 * @param withServices false starts only the broker and the store (to run services from an IDE)
 * @param loadDemo load the demo archive and stock into a fresh data dir
 * @param classDataSharing start services from extracted jars with a class-data archive (see {@link
 *     ClassDataArchive}): about twice as fast from the second start on, one archive written per
 *     service at its first stop
 * @param instances processes of each service (1 to {@value #MAX_INSTANCES}); with more than one, each
 *     listens on a port of its own and the service's port is a round-robin forwarder to them
 */
public record LocalStackConfig(
        Path dataDir,
        Path repoRoot,
        String host,
        int brokerPort,
        int controllerPort,
        int storePort,
        Map<Service, Integer> servicePorts,
        List<String> serviceJvmOptions,
        List<String> brokerJvmOptions,
        boolean withServices,
        boolean loadDemo,
        boolean classDataSharing,
        Duration readyTimeout,
        int instances) {

    /** More would not fit in the machine's memory (about 200 MiB per service process). */
    public static final int MAX_INSTANCES = 4;

    /**
     * Chosen so that the whole stack (broker, store and four services) stays well under 2.5 GiB
     * RSS: a small serial-GC heap, capped metaspace and code cache, C1 only (starts in about half
     * the time of C2 on two cores, less code cache). Measured: about 180–210 MiB per service, a
     * live heap of about 45 MiB after start.
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-Xms48m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError");

    public static final List<String> BROKER_JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    public LocalStackConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        repoRoot = repoRoot.toAbsolutePath().normalize();
        servicePorts = Map.copyOf(servicePorts);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        brokerJvmOptions = List.copyOf(brokerJvmOptions);
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException("--instances must be between 1 and " + MAX_INSTANCES);
        }
    }

    /** The documented defaults: broker 9092/9093, store 27017, services 8081–8084. */
    public static LocalStackConfig defaults(Path dataDir, Path repoRoot) {
        var ports = new EnumMap<Service, Integer>(Service.class);
        for (var service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new LocalStackConfig(
                dataDir,
                repoRoot,
                "127.0.0.1",
                9092,
                9093,
                27017,
                ports,
                SERVICE_JVM_OPTIONS,
                BROKER_JVM_OPTIONS,
                true,
                true,
                true,
                Duration.ofMinutes(3),
                1);
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public LocalStackConfig withBrokerPorts(int broker, int controller) {
        return with(c -> {
            c.brokerPort = broker;
            c.controllerPort = controller;
        });
    }

    public LocalStackConfig withStorePort(int port) {
        return with(c -> c.storePort = port);
    }

    public LocalStackConfig withServicePort(Service service, int port) {
        return with(c -> c.servicePorts.put(service, port));
    }

    public LocalStackConfig withServiceJvmOptions(List<String> options) {
        return with(c -> c.serviceJvmOptions = options);
    }

    public LocalStackConfig withServices(boolean start) {
        return with(c -> c.withServices = start);
    }

    public LocalStackConfig withDemo(boolean load) {
        return with(c -> c.loadDemo = load);
    }

    public LocalStackConfig withInstances(int count) {
        return with(c -> c.instances = count);
    }

    public LocalStackConfig withClassDataSharing(boolean enabled) {
        return with(c -> c.classDataSharing = enabled);
    }

    /** A copy with one change: the record's components written out once, not in every wither. */
    private LocalStackConfig with(Consumer<Copy> change) {
        var copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    private static final class Copy {
        private final Path dataDir;
        private final Path repoRoot;
        private final String host;
        private int brokerPort;
        private int controllerPort;
        private int storePort;
        private final Map<Service, Integer> servicePorts;
        private List<String> serviceJvmOptions;
        private final List<String> brokerJvmOptions;
        private boolean withServices;
        private boolean loadDemo;
        private boolean classDataSharing;
        private final Duration readyTimeout;
        private int instances;

        private Copy(LocalStackConfig config) {
            dataDir = config.dataDir;
            repoRoot = config.repoRoot;
            host = config.host;
            brokerPort = config.brokerPort;
            controllerPort = config.controllerPort;
            storePort = config.storePort;
            servicePorts = new EnumMap<>(config.servicePorts);
            serviceJvmOptions = config.serviceJvmOptions;
            brokerJvmOptions = config.brokerJvmOptions;
            withServices = config.withServices;
            loadDemo = config.loadDemo;
            classDataSharing = config.classDataSharing;
            readyTimeout = config.readyTimeout;
            instances = config.instances;
        }

        private LocalStackConfig build() {
            return new LocalStackConfig(
                    dataDir,
                    repoRoot,
                    host,
                    brokerPort,
                    controllerPort,
                    storePort,
                    servicePorts,
                    serviceJvmOptions,
                    brokerJvmOptions,
                    withServices,
                    loadDemo,
                    classDataSharing,
                    readyTimeout,
                    instances);
        }
    }

    /**
     * The repository root above {@code start}: the first directory holding the four service modules.
     * The launcher runs from the source tree, so its own classes are a good start.
     */
    public static Path findRepoRoot(Path start) {
        for (var dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("intake-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root (a folder with pom.xml and intake-service/) above " + start);
    }
}
