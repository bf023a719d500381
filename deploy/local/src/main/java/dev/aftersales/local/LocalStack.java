package dev.aftersales.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: a real Kafka broker and the four services as child JVMs, the
 * MongoDB-wire store in this JVM, all state under one data dir that survives restarts. Run {@link
 * #main} from {@code run-local.sh}; tests use {@link #start} and {@link #close}.
 *
 * <p>Start order: broker and store, then the four services in parallel (each needs both), then the
 * demo archive on a fresh data dir. Stop order is the reverse: services first, so they can commit
 * their offsets and finish their outbox relays while the broker and the store are still there.
 */
public final class LocalStack implements AutoCloseable {

    /** The store's snapshot in the data dir. */
    static final String STORE_FILE = "store.snapshot";

    /** Prometheus's file-based discovery of the services' instances, in the data dir. */
    static final String PROMETHEUS_TARGETS = "prometheus-targets.json";

    private final LocalStackConfig config;
    private final TokenIssuer tokens;
    private final KafkaBroker broker;
    private final Map<Service, List<ServiceProcess>> services = new EnumMap<>(Service.class);
    private final List<RoundRobinForwarder> forwarders = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
    private final Instant startedAt = Instant.now();
    private final Map<String, Duration> milestones = new LinkedHashMap<>();
    private DocumentStore store;
    private SmsGateway smsGateway;
    private boolean storeWasEmpty;
    private Map<String, String> demoTokens;
    private boolean closed;

    private LocalStack(LocalStackConfig config) {
        this.config = config;
        this.tokens = TokenIssuer.open(config.dataDir().resolve("keys"), Clock.systemUTC());
        this.broker = new KafkaBroker(
                config.dataDir(),
                config.host(),
                config.brokerPort(),
                config.controllerPort(),
                config.brokerJvmOptions(),
                launcherClasspath());
    }

    /**
     * Starts everything and returns once every service reports ready (and the demo data is loaded).
     * A JVM shutdown hook stops what was started, should the caller never call {@link #close}.
     */
    public static LocalStack start(LocalStackConfig config) {
        var stack = new LocalStack(config);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        createDirectories();
        // A data dir from before the snapshot file (H2's store.mv.db) starts with an empty store.
        storeWasEmpty = !Files.isRegularFile(config.dataDir().resolve(STORE_FILE));
        ChildProcess.stopLeftovers(config.dataDir());
        requireFreePorts();
        log("starting Kafka broker on " + broker.bootstrapServers() + " and the store on " + config.host() + ":"
                + config.storePort());
        broker.start();
        store = DocumentStore.start(config.dataDir().resolve(STORE_FILE), config.host(), config.storePort());
        broker.awaitReady(config.readyTimeout());
        milestone("broker and store ready");
        if (!config.withServices()) {
            for (var service : Service.values()) {
                broker.credentials().writeServiceFile(service);
            }
            startSmsGateway();
            writeTokensEnv();
            return;
        }
        for (var service : Service.values()) {
            var credentials = broker.credentials().writeServiceFile(service);
            var instances = new ArrayList<ServiceProcess>();
            for (int instance = 1; instance <= config.instances(); instance++) {
                instances.add(new ServiceProcess(
                        service,
                        instance,
                        config.instances() == 1 ? config.port(service) : freePort(),
                        config,
                        broker.bootstrapServers(),
                        credentials,
                        store.uri(service.id()),
                        tokens.publicKeyFile()));
            }
            services.put(service, List.copyOf(instances));
        }
        log("starting intake, dispatch, parts and followup"
                + (config.instances() > 1 ? ", " + config.instances() + " instances of each" : ""));
        inParallel(allProcesses(), ServiceProcess::start, "start");
        awaitReady(allProcesses());
        if (config.instances() > 1) {
            services.forEach((service, instances) -> forwarders.add(RoundRobinForwarder.start(
                    service.id(),
                    config.host(),
                    config.port(service),
                    instances.stream()
                            .map(p -> new InetSocketAddress(config.host(), p.port()))
                            .toList())));
        }
        writePrometheusTargets();
        milestone("services ready");
        // After dispatch, which creates the gateway's topic: a consumer waiting for it warns every second.
        startSmsGateway();
        var demo = new DemoLoader(config.dataDir());
        demo.writeExamples();
        if (config.loadDemo() && (storeWasEmpty || !demo.alreadyLoaded())) {
            demo.load(
                    url(Service.DISPATCH),
                    url(Service.PARTS),
                    url(Service.FOLLOWUP),
                    demoTokens().get("OPS_TOKEN"),
                    demoTokens().get("SUPERVISOR_TOKEN"));
            store.snapshot();
            milestone("demo archive loaded");
        }
        writeTokensEnv();
    }

    private void startSmsGateway() {
        smsGateway = SmsGateway.start(config.dataDir(), broker.client(BusAccess.SMS_GATEWAY));
    }

    // ---- the handle for tests and the console ----

    public LocalStackConfig config() {
        return config;
    }

    public int port(Service service) {
        return config.port(service);
    }

    public URI url(Service service) {
        return URI.create("http://" + config.host() + ":" + config.port(service));
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * Client settings for the broker as {@code user}: {@code admin} (the launcher's super user) or a
     * service's id ({@code intake}...), whose rights are that service's ({@link BusAccess}).
     */
    public Map<String, Object> kafkaClient(String user) {
        return broker.client(user);
    }

    /** The connection string of one service's database, for {@code spring.mongodb.uri}. */
    public String storeUri(Service service) {
        return store.uri(service.id());
    }

    /** The store's backend in this JVM: a benchmark seeds history straight into it. */
    DocumentStore.SnapshotBackend storeBackend() {
        return store.backend();
    }

    /** Writes a store snapshot now and tells what it cost (benchmarks). */
    DocumentStore.SnapshotCost snapshotStore() {
        return store.snapshot();
    }

    /** What the store's commands cost, per database, collection and command (benchmarks). */
    CommandProfile storeProfile() {
        return store.backend().profile();
    }

    /** The PEM public key the services verify tokens with. */
    public Path publicKeyFile() {
        return tokens.publicKeyFile();
    }

    /** From the call to {@link #start} until the named step, e.g. {@code services ready}. */
    public Map<String, Duration> milestones() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(milestones));
    }

    /** A token signed with the stack's key, valid for 30 days. */
    public String token(String subject, List<String> roles, Map<String, String> claims) {
        return tokens.mint(subject, roles, claims);
    }

    public String token(String subject, String... roles) {
        return token(subject, Arrays.asList(roles), Map.of());
    }

    /** A TECHNICIAN token for a technician of {@code dealerId}, as their mobile app would hold it. */
    public String technicianToken(String technicianId, String dealerId) {
        return token(technicianId, List.of("TECHNICIAN"), Map.of("technician_id", technicianId, "dealer_id", dealerId));
    }

    /** The tokens printed at start and written to {@code tokens.env}, by variable name. */
    public synchronized Map<String, String> demoTokens() {
        if (demoTokens != null) {
            return demoTokens;
        }
        var demo = new LinkedHashMap<String, String>();
        for (var role : List.of("AGENT", "SUPERVISOR", "DISPATCHER", "OPS")) {
            demo.put(role + "_TOKEN", token(role.toLowerCase(Locale.ROOT) + "-1", role));
        }
        for (var technicianId : List.of("T-001", "T-002", "T-004", "T-006", "T-008")) {
            var technician = DemoArchive.get().technician(technicianId);
            demo.put(
                    "TECHNICIAN_" + technicianId.replace("-", "") + "_TOKEN",
                    technicianToken(technicianId, technician.dealerId()));
        }
        for (var dealer : DemoArchive.get().dealers()) {
            demo.put(
                    "DEALER_" + dealer.dealerId().replace("-", "_") + "_TOKEN",
                    token(
                            "dealer-" + dealer.dealerId().toLowerCase(Locale.ROOT),
                            List.of("DEALER"),
                            Map.of("dealer_id", dealer.dealerId())));
        }
        demoTokens = Collections.unmodifiableMap(demo);
        return demoTokens;
    }

    /** Stops one service (all its instances) gracefully, as an operator would for a deployment; the rest keep running. */
    public void stopService(Service service) {
        inParallel(services.get(service), ServiceProcess::stop, "stop");
    }

    /** The URLs of a service's instances, each its own process ({@code --instances}); one URL with one instance. */
    public List<URI> instanceUrls(Service service) {
        return services.get(service).stream().map(ServiceProcess::url).toList();
    }

    /** Kills one instance (0-based) with SIGKILL, as a crash would; the others keep running. */
    public void killInstance(Service service, int index) {
        services.get(service).get(index).kill();
    }

    /** Starts one instance (0-based) again and waits until it is ready. */
    public void startInstance(Service service, int index) {
        var process = services.get(service).get(index);
        process.start();
        awaitReady(List.of(process));
    }

    public void stopService(String name) {
        stopService(Service.byId(name));
    }

    public void startService(String name) {
        startService(Service.byId(name));
    }

    /** Starts a stopped service again and waits until it is ready. */
    public void startService(Service service) {
        var processes = services.get(service);
        inParallel(processes, ServiceProcess::start, "start");
        awaitReady(processes);
    }

    private List<ServiceProcess> allProcesses() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    /**
     * Resident memory of every process of the stack, in bytes: the broker, the four services and
     * this JVM (which holds the store). Read from {@code /proc}, so empty off Linux.
     */
    public Map<String, Long> residentMemory() {
        var rss = new LinkedHashMap<String, Long>();
        rssOf(ProcessHandle.current().pid()).ifPresent(bytes -> rss.put("launcher+store", bytes));
        broker.process().pid().flatMap(LocalStack::rssOf).ifPresent(bytes -> rss.put("kafka", bytes));
        allProcesses()
                .forEach(process -> process.process()
                        .pid()
                        .flatMap(LocalStack::rssOf)
                        .ifPresent(bytes -> rss.put(process.name(), bytes)));
        return rss;
    }

    /**
     * CPU time (user + system) used so far by every process of the stack, by the same names as
     * {@link #residentMemory}. Read from {@code /proc}, so empty off Linux. The launcher's share
     * includes whatever else runs in this JVM (a benchmark's clients).
     */
    public Map<String, Duration> cpuTime() {
        var cpu = new LinkedHashMap<String, Duration>();
        cpuOf(ProcessHandle.current().pid()).ifPresent(time -> cpu.put("launcher+store", time));
        broker.process().pid().flatMap(LocalStack::cpuOf).ifPresent(time -> cpu.put("kafka", time));
        allProcesses()
                .forEach(process -> process.process()
                        .pid()
                        .flatMap(LocalStack::cpuOf)
                        .ifPresent(time -> cpu.put(process.name(), time)));
        return cpu;
    }

    /** The process id of a running service's first instance (benchmarks look into its heap). */
    Optional<Long> pidOf(Service service) {
        var processes = services.get(service);
        return processes == null || processes.isEmpty()
                ? Optional.empty()
                : processes.get(0).process().pid();
    }

    /** Stops the services, then the broker, then the store. Safe to call more than once. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running or has run.
            }
        }
        log("stopping services");
        forwarders.forEach(RoundRobinForwarder::close);
        inParallel(allProcesses(), ServiceProcess::stop, "stop");
        if (smsGateway != null) {
            smsGateway.close();
        }
        log("stopping Kafka broker");
        broker.stop();
        if (store != null) {
            log("closing the store");
            store.close();
        }
        log("stopped");
    }

    /** Runs {@code action} on every service at once and rethrows the first failure. */
    private static void inParallel(Collection<ServiceProcess> processes, Consumer<ServiceProcess> action, String what) {
        var failures = new ConcurrentLinkedQueue<RuntimeException>();
        var threads = new ArrayList<Thread>();
        for (var process : processes) {
            var thread = new Thread(
                    () -> {
                        try {
                            action.accept(process);
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    },
                    what + "-" + process.name());
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
    }

    private void awaitReady(Collection<ServiceProcess> processes) {
        var deadline = Instant.now().plus(config.readyTimeout());
        var waiting = new ArrayList<>(processes);
        while (!waiting.isEmpty()) {
            waiting.removeIf(ServiceProcess::probeReady);
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready within " + config.readyTimeout() + ": "
                        + waiting.stream()
                                .map(p -> p.process().log().toString())
                                .toList());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the services", e);
            }
        }
    }

    /** A port free now, for one of several instances of a service (the launcher hands it on at once). */
    private int freePort() {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(config.host(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prometheus's targets (file-based service discovery, read by deploy/prometheus/prometheus.yml):
     * every instance of every service, labelled with its service, so that with {@code --instances}
     * each instance is scraped on its own port.
     */
    private void writePrometheusTargets() {
        var groups = new ArrayList<String>();
        services.forEach((service, instances) -> instances.forEach(process -> groups.add(String.format(
                Locale.ROOT,
                "  {\"targets\": [\"%s:%d\"], \"labels\": {\"service\": \"%s\"}}",
                config.host(),
                process.port(),
                service.id()))));
        try {
            Files.writeString(
                    config.dataDir().resolve(PROMETHEUS_TARGETS), "[\n" + String.join(",\n", groups) + "\n]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createDirectories() {
        try {
            Files.createDirectories(config.dataDir().resolve("logs"));
            Files.createDirectories(config.dataDir().resolve("run"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clear message beats a service that fails half-way through its start with "address in use". */
    private void requireFreePorts() {
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("broker", config.brokerPort());
        ports.put("controller", config.controllerPort());
        ports.put("store", config.storePort());
        if (config.withServices()) {
            config.servicePorts().forEach((service, port) -> ports.put(service.id(), port));
        }
        ports.forEach((name, port) -> {
            try (var socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(config.host(), port));
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " (" + name + ") is in use: is another stack running?"
                        + " Choose other ports (see --help).");
            }
        });
    }

    private void writeTokensEnv() {
        var lines = new ArrayList<String>();
        lines.add("# Demo tokens of the local stack, valid for 30 days. Use: source " + tokensEnv());
        for (var service : Service.values()) {
            lines.add("export " + service.id().toUpperCase(Locale.ROOT) + "_URL=" + url(service));
            if (config.instances() > 1) {
                lines.add("export " + service.id().toUpperCase(Locale.ROOT) + "_INSTANCE_URLS=\""
                        + String.join(
                                " ",
                                instanceUrls(service).stream()
                                        .map(URI::toString)
                                        .toList())
                        + "\"");
            }
        }
        demoTokens().forEach((name, token) -> lines.add("export " + name + "=" + token));
        try {
            Files.write(tokensEnv(), lines);
            // Prometheus reads its bearer token from a file (deploy/prometheus/prometheus.yml).
            Files.writeString(
                    config.dataDir().resolve("prometheus-ops.token"),
                    demoTokens().get("OPS_TOKEN"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path tokensEnv() {
        return config.dataDir().resolve("tokens.env");
    }

    private void milestone(String name) {
        var elapsed = Duration.between(startedAt, Instant.now());
        milestones.put(name, elapsed);
        log(name + " after " + seconds(elapsed));
    }

    /**
     * The classpath of this module: the broker and the storage tool run from it. From the build
     * tree that is {@code target/classes} plus {@code target/lib/*}; a surefire JVM's own class path
     * is a manifest-only jar and no use to a child process.
     */
    static String launcherClasspath() {
        try {
            var self = Path.of(LocalStack.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            var lib = self.getParent().resolve("lib");
            if (Files.isDirectory(lib)) {
                return self + File.pathSeparator + lib + File.separator + "*";
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Fall back to the class path the launcher was started with.
        }
        return System.getProperty("java.class.path");
    }

    private static Optional<Long> rssOf(long pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone.
        }
        return Optional.empty();
    }

    /** Fields 14 and 15 of {@code /proc/<pid>/stat}, in clock ticks of (almost always) 10 ms. */
    private static Optional<Duration> cpuOf(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after it are plain numbers.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Optional.of(Duration.ofMillis(ticks * 10));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void log(String message) {
        System.out.println("[local-stack] " + message);
    }

    // ---- the command line ----

    public static void main(String[] args) throws InterruptedException {
        // Not part of the stack's configuration: traffic is played by this launcher once all is up.
        var demoTraffic = Arrays.asList(args).contains("--demo-traffic");
        // --speed N: the platform clock runs N times faster (issue 14); also a launcher concern only.
        var speedAt = Arrays.asList(args).indexOf("--speed");
        long speed = 0;
        LocalStackConfig config;
        try {
            if (speedAt >= 0) {
                if (speedAt + 1 >= args.length || !args[speedAt + 1].matches("\\d{1,6}")) {
                    throw new IllegalArgumentException("--speed needs a whole number, e.g. --speed 720");
                }
                speed = Long.parseLong(args[speedAt + 1]);
            }
            var rest = new java.util.ArrayList<String>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--demo-traffic")) {
                    continue;
                }
                if (i == speedAt) {
                    i++;
                    continue;
                }
                rest.add(args[i]);
            }
            config = CommandLine.parse(rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(CommandLine.USAGE);
            System.out.println(CommandLine.storeHeap());
            return;
        }
        LocalStack stack;
        try {
            stack = start(config);
        } catch (RuntimeException e) {
            System.err.println("[local-stack] could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        stack.printWelcome();
        if (speed > 0 && config.withServices()) {
            ClockDriver.start(stack, speed);
        }
        if (demoTraffic && config.withServices()) {
            DemoTraffic.start(stack, Duration.ofSeconds(1));
        }
        // Runs until Ctrl-C; the shutdown hook stops everything that was started.
        new CountDownLatch(1).await();
    }

    /**
     * The platform clock's line of the banner: its time and how far it runs ahead of the wall clock,
     * so nobody in a training run wonders why dates are a month ahead (issue 14).
     */
    private String platformClock() {
        var request = java.net.http.HttpRequest.newBuilder(url(Service.INTAKE).resolve("/admin/clock"))
                .header("Authorization", "Bearer " + demoTokens().get("OPS_TOKEN"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        String clock;
        try {
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
            clock = response.headers().firstValue("Aftersales-Clock").orElse("unknown");
        } catch (IOException e) {
            clock = "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clock = "unknown";
        }
        return "\nClock: " + clock + "\n"
                + "  advance it (OPS, never backwards): curl -s -X POST $INTAKE_URL/admin/clock"
                + " -H \"Authorization: Bearer $OPS_TOKEN\" -H 'Content-Type: application/json' -d '{\"by\":\"PT4H\"}'\n"
                + "  a new training run starts with a new data folder (--data); the clock is kept in this one\n";
    }

    private void printWelcome() {
        var data = config.dataDir();
        var out = new StringBuilder("\n");
        var ready = milestones.getOrDefault(
                "services ready", milestones.getOrDefault("broker and store ready", Duration.ZERO));
        var rss = residentMemory().values().stream().mapToLong(Long::longValue).sum();
        out.append(String.format(
                Locale.ROOT,
                "After-sales platform is running (ready after %s, resident memory %d MiB)%n",
                seconds(ready),
                rss / (1024 * 1024)));
        for (var service : services.keySet()) {
            if (config.instances() == 1) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %-9s %-24s log %s%n",
                        service.id(),
                        url(service),
                        data.resolve("logs").resolve(service.id() + ".log")));
                continue;
            }
            out.append(String.format(
                    Locale.ROOT, "  %-9s %-24s round-robin to its instances:%n", service.id(), url(service)));
            for (var process : services.get(service)) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %-9s %-24s log %s%n",
                        "",
                        process.url(),
                        data.resolve("logs").resolve(process.name() + ".log")));
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "  %-9s %-24s log %s%n",
                "kafka",
                bootstrapServers(),
                data.resolve("logs").resolve("kafka.log")));
        out.append(String.format(
                Locale.ROOT,
                "  %-9s %-24s kcat -F %s (admin; SASL/SCRAM, no anonymous access)%n",
                "",
                "",
                data.resolve("config").resolve("admin-kcat.conf")));
        out.append(String.format(
                Locale.ROOT,
                "  %-9s %-24s file %s (the texts customers would receive)%n",
                "sms",
                "",
                data.resolve(SmsGateway.FILE)));
        out.append(String.format(
                Locale.ROOT,
                "  %-9s %-24s file %s%n",
                "store",
                "mongodb://" + config.host() + ":" + config.storePort(),
                data.resolve(STORE_FILE)));
        if (services.isEmpty()) {
            out.append("\nRun each service with --spring.kafka.bootstrap-servers=")
                    .append(bootstrapServers())
                    .append(" --spring.config.import=file:")
                    .append(data.resolve("config").resolve("<service>-kafka.properties"))
                    .append(" --spring.mongodb.uri=")
                    .append(storeUri(Service.INTAKE).replace("/intake", "/<service>"))
                    .append(" --management.health.mongodb.enabled=false")
                    .append(" --spring.profiles.active=local")
                    .append(" --spring.security.oauth2.resourceserver.jwt.public-key-location=file:")
                    .append(publicKeyFile())
                    .append("\nDemo tokens are in ")
                    .append(tokensEnv())
                    .append('\n');
        } else {
            out.append("\nDemo tokens (valid 30 days), also in ")
                    .append(tokensEnv())
                    .append(":\n");
            demoTokens()
                    .forEach((name, token) -> out.append("  ")
                            .append(name)
                            .append('=')
                            .append(token)
                            .append('\n'));
            out.append("\nTry it:\n")
                    .append("  source ")
                    .append(tokensEnv())
                    .append('\n')
                    .append(
                            "  curl -s -X POST $INTAKE_URL/api/complaints -H \"Authorization: Bearer $AGENT_TOKEN\" \\\n")
                    .append("       -H 'Content-Type: application/json' -d @")
                    .append(data.resolve("demo").resolve("complaint-WP-0001.json"))
                    .append('\n')
                    .append("  curl -s $DISPATCH_URL/api/technician/assignments -H \"Authorization: Bearer"
                            + " $TECHNICIAN_T001_TOKEN\"\n")
                    .append("  Customers, machines and installers of the demo archive: ")
                    .append(data.resolve("demo").resolve("customers-and-machines.json"))
                    .append('\n');
        }
        if (!services.isEmpty()) {
            out.append(platformClock());
        }
        out.append("\nCtrl-C stops everything; the data stays in ").append(data).append('\n');
        System.out.print(out);
    }
}
