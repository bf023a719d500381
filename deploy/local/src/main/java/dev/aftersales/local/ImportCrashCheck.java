package dev.aftersales.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.mongodb.client.MongoClients;
import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15's crash check: the launcher a user runs is killed (SIGKILL) in the middle of an import job and
 * started again on the same data folder; the job must finish with nothing duplicated. The launcher runs
 * as its own process here ({@code LocalStack}'s main, as {@code run-local.sh} starts it), without the demo
 * archive, taking a store snapshot every 2 s. The kill comes right after a store snapshot that holds the
 * running job with some chunks done (the store is in the launcher's memory and restarts from its last
 * snapshot: a kill before the first snapshot of the job would lose the whole job, which tests nothing).
 * Afterwards, read through the store's wire port and the broker as an auditor would:
 *
 * <ul>
 *   <li>the job is DONE with every good row added once and the bad ones rejected;
 *   <li>one machine per serial, one customer per phone (rows sharing a phone attach to one customer);
 *   <li>each machine announced under one event id ({@code InstallationRecorded}; a repeat after the
 *       crash carries the same id) and each customer likewise ({@code CustomerRecorded}).
 * </ul>
 *
 * <p>Too slow for {@code ./mvnw verify} (it starts the stack twice, 3–6 minutes on a busy 2-core
 * machine): run it from a CI stage after the build, exit status 0 when every check holds:
 * {@code java -cp "deploy/local/target/classes:deploy/local/target/lib/*" dev.aftersales.local.ImportCrashCheck}
 * (options {@code --rows N}, default 6,000, and {@code --data DIR}).
 */
public final class ImportCrashCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "CRASH-";
    private static final String HEADER = "serialNumber,model,productLine,customerId,dealerId,installerId,installedOn,"
            + "address,regionCode,customerName,customerPhone,historical\n";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);
    // The relay asks for a sweep whenever its queue of two rounds has room: seconds here (4 s after 2,257 events).
    private static final Duration ANNOUNCE_TIMEOUT = Duration.ofMinutes(3);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        var rows = 6_000;
        var dataDir = Path.of("target/import-crash-check");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--data" -> dataDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var data = dataDir.toAbsolutePath().normalize();
        List<String> failures;
        try {
            failures = new ImportCrashCheck().run(rows, data);
        } finally {
            // the services and the broker of a launcher killed and not started again
            ChildProcess.stopLeftovers(data);
        }
        if (failures.isEmpty()) {
            System.out.println("[import-crash-check] PASSED");
            System.exit(0);
        }
        failures.forEach(failure -> System.out.println("[import-crash-check] FAILED: " + failure));
        System.exit(1);
    }

    private List<String> run(int rows, Path dataDir) throws Exception {
        ChildProcess.stopLeftovers(dataDir);
        Benchmarks.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        var ports = Benchmarks.freePorts(7);
        var arguments = List.of(
                "--data=" + dataDir,
                "--repo=" + LocalStackConfig.findRepoRoot(Path.of("")),
                "--broker-port=" + ports.get(0),
                "--controller-port=" + ports.get(1),
                "--store-port=" + ports.get(2),
                "--intake-port=" + ports.get(3),
                "--dispatch-port=" + ports.get(4),
                "--parts-port=" + ports.get(5),
                "--followup-port=" + ports.get(6),
                "--no-demo",
                "--no-cds");
        var dispatch = URI.create("http://127.0.0.1:" + ports.get(4));
        var file = new ImportFile(rows);

        var first = Launcher.start(arguments, dataDir.resolve("launcher-1.log"));
        String location;
        try {
            first.awaitReady();
            var ops = tokens(dataDir).get("OPS_TOKEN");
            var submitted = http.send(
                    HttpRequest.newBuilder(dispatch.resolve("/api/archive/installation-imports"))
                            .header("Authorization", "Bearer " + ops)
                            .header("Content-Type", "text/csv; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(file.csv()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (submitted.statusCode() != 202) {
                throw new IllegalStateException("import refused: " + submitted.statusCode() + " " + submitted.body());
            }
            location = dispatch.resolve(
                            submitted.headers().firstValue("Location").orElseThrow())
                    .toString();
            // Some chunks done, then a snapshot that holds them, then the kill.
            awaitProgress(URI.create(location), ops);
            first.killAfterTheSecondSnapshot();
        } finally {
            first.kill();
        }

        var second = Launcher.start(arguments, dataDir.resolve("launcher-2.log"));
        try {
            second.awaitReady();
            var ops = tokens(dataDir).get("OPS_TOKEN");
            var restarted = Instant.now();
            var job = job(URI.create(location), ops);
            // The job as the store kept it: the crash must have come in the middle of it.
            System.out.printf(
                    Locale.ROOT,
                    "[import-crash-check] after the restart the job is %s with %,d of %,d rows read%n",
                    job.get("state").asString(),
                    job.get("rowsRead").asInt(),
                    job.get("rows").asInt());
            if (!"RUNNING".equals(job.get("state").asString())
                    || job.get("rowsRead").asInt() == 0) {
                failures.add("the kill did not come in the middle of the job (" + job
                        + "): nothing was tested; try a larger --rows");
                return failures;
            }
            while ("RUNNING".equals(job.get("state").asString())) {
                if (Duration.between(restarted, Instant.now()).compareTo(JOB_TIMEOUT) > 0) {
                    failures.add("the job did not finish within " + JOB_TIMEOUT + " of the restart: " + job);
                    return failures;
                }
                Thread.sleep(500);
                job = job(URI.create(location), ops);
            }
            System.out.printf(
                    Locale.ROOT,
                    "[import-crash-check] job %s %.0f s after the restart: %s%n",
                    job.get("state").asString(),
                    Duration.between(restarted, Instant.now()).toMillis() / 1000.0,
                    job);
            check("job state", job.get("state").asString(), "DONE");
            check("rows added", job.get("added").asInt(), file.good());
            check("rows unchanged", job.get("unchanged").asInt(), 0);
            check("rows rejected", job.get("rejected").asInt(), file.bad());
            var customers = checkStore(ports.get(2), file);
            checkAnnouncements(dataDir, ports.get(0), ports.get(2), file, customers);
        } finally {
            second.stop();
        }
        return failures;
    }

    private void awaitProgress(URI job, String token) throws Exception {
        var from = Instant.now();
        while (Duration.between(from, Instant.now()).compareTo(JOB_TIMEOUT) < 0) {
            var state = job(job, token);
            if (state.get("rowsRead").asInt() > 0
                    || !"RUNNING".equals(state.get("state").asString())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the job made no progress within " + JOB_TIMEOUT);
    }

    private JsonNode job(URI job, String token) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(job)
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("job " + job + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One machine per good row's serial; one customer per phone, holding every machine of that phone. */
    private Set<String> checkStore(int storePort, ImportFile file) {
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
            var dispatch = client.getDatabase("dispatch");
            var machines = new HashMap<String, String>(); // serial -> customer id
            for (var machine : dispatch.getCollection("installations")
                    .find(new Document("_id", new Document("$regex", "^" + PREFIX)))) {
                if (machines.put(machine.getString("_id"), machine.getString("customerId")) != null) {
                    failures.add("machine " + machine.getString("_id") + " stored twice");
                }
            }
            check("machines stored", machines.size(), file.good());
            var customersByPhone = new HashMap<String, Set<String>>();
            var phones = file.phoneKeys();
            for (var customer : dispatch.getCollection("customers")
                    .find(new Document("phones", new Document("$in", List.copyOf(phones))))) {
                for (var phone : customer.getList("phones", String.class)) {
                    customersByPhone
                            .computeIfAbsent(phone, p -> new HashSet<>())
                            .add(customer.getString("_id"));
                }
            }
            check("phones with a customer", customersByPhone.size(), phones.size());
            var twice = customersByPhone.values().stream()
                    .filter(ids -> ids.size() > 1)
                    .count();
            check("phones held by more than one customer", (int) twice, 0);
            var machinesPerCustomer = new HashMap<String, Integer>();
            machines.values().forEach(id -> machinesPerCustomer.merge(id, 1, Integer::sum));
            check("customers of the machines", machinesPerCustomer.size(), phones.size());
            System.out.printf(
                    Locale.ROOT,
                    "[import-crash-check] store: %,d machines, %,d customers for %,d phones%n",
                    machines.size(),
                    machinesPerCustomer.size(),
                    phones.size());
            return machinesPerCustomer.keySet();
        }
    }

    /**
     * Every machine and customer announced under exactly one event id (a redelivery repeats the id).
     * "Done" is the job's word for its rows, not for its events: behind a bulk import the relay's queue
     * is full and events wait marked in the outbox for the sweep, so the topics are read again until every
     * one is there, for at most {@link #ANNOUNCE_TIMEOUT} (a lost event never arrives and fails the check).
     */
    private void checkAnnouncements(
            Path dataDir, int brokerPort, int storePort, ImportFile file, Set<String> customerIds)
            throws InterruptedException {
        var props =
                new HashMap<String, Object>(BusCredentials.open(dataDir).client("127.0.0.1:" + brokerPort, "admin"));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        System.out.printf(
                Locale.ROOT,
                "[import-crash-check] events still waiting in dispatch's outbox when the job was done: %,d%n",
                marked(storePort));
        var from = Instant.now();
        Map<String, Set<String>> machines;
        Map<String, Set<String>> customers;
        while (true) {
            machines = announced(props, Topics.DISPATCH_ARCHIVE, "InstallationRecorded");
            machines.keySet().removeIf(serial -> !serial.startsWith(PREFIX));
            customers = announced(props, Topics.DISPATCH_CUSTOMERS, "CustomerRecorded");
            customers.keySet().retainAll(customerIds);
            var all = machines.size() == file.good()
                    && customers.size() == file.phoneKeys().size();
            if (all || Duration.between(from, Instant.now()).compareTo(ANNOUNCE_TIMEOUT) > 0) {
                break;
            }
            Thread.sleep(2_000);
        }
        System.out.printf(
                Locale.ROOT,
                "[import-crash-check] topics read %.0f s after the job was done; outbox marks left: %,d%n",
                Duration.between(from, Instant.now()).toMillis() / 1000.0,
                marked(storePort));
        check("machines announced", machines.size(), file.good());
        check(
                "machines announced under more than one event id",
                (int) machines.values().stream().filter(ids -> ids.size() > 1).count(),
                0);
        check("customers announced", customers.size(), file.phoneKeys().size());
        check(
                "customers announced under more than one event id",
                (int) customers.values().stream().filter(ids -> ids.size() > 1).count(),
                0);
    }

    /** Events marked pending in dispatch's outbox (published ones lose their mark). */
    private static long marked(int storePort) {
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
            return client.getDatabase("dispatch")
                    .getCollection("outbox_markers")
                    .countDocuments();
        }
    }

    /** The event ids of one type on a topic, by record key, read from the start to the end offsets. */
    private static Map<String, Set<String>> announced(Map<String, Object> props, String topic, String type) {
        var ids = new HashMap<String, Set<String>>();
        try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var typeHeader = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    var idHeader = record.headers().lastHeader(CloudEventHeaders.ID);
                    if (typeHeader != null
                            && idHeader != null
                            && new String(typeHeader.value(), UTF_8).contains("." + type + ".")) {
                        ids.computeIfAbsent(record.key(), k -> new LinkedHashSet<>())
                                .add(new String(idHeader.value(), UTF_8));
                    }
                }
            }
        }
        return ids;
    }

    private void check(String what, Object actual, Object expected) {
        var line = String.format(Locale.ROOT, "%s: %s (expected %s)", what, actual, expected);
        System.out.println("[import-crash-check] " + line);
        if (!actual.equals(expected)) {
            failures.add(line);
        }
    }

    private static Map<String, String> tokens(Path dataDir) throws IOException {
        var tokens = new HashMap<String, String>();
        var line = Pattern.compile("^(?:export\\s+)?([A-Z0-9_]+)=['\"]?([^'\"]*)['\"]?$");
        for (var text : Files.readAllLines(dataDir.resolve("tokens.env"))) {
            var match = line.matcher(text.trim());
            if (match.matches()) {
                tokens.put(match.group(1), match.group(2));
            }
        }
        return tokens;
    }

    /**
     * The file: every 50th row bad (a date that is none), every 7th row without a customer id (the master
     * gives one), and rows 10k+3 and 10k+4 sharing a phone with two names and ids (one customer, an alias).
     * Phones 1370xxxxxxx by row.
     */
    record ImportFile(int rows) {

        String csv() {
            var csv = new StringBuilder(HEADER);
            for (int i = 0; i < rows; i++) {
                var installedOn = i % 50 == 49
                        ? "2024-13-45"
                        : LocalDate.of(2023, 1, 1).plusDays(i % 700).toString();
                csv.append(String.format(
                        Locale.ROOT,
                        "%s%06d,RO-400,WATER_PURIFIER,%s,%s,T-00%d,%s,\"上海市浦东新区张江路%d号\",310115,%s,%s,true%n",
                        PREFIX,
                        i,
                        i % 7 == 0 ? "" : PREFIX + "CU-" + i,
                        i % 2 == 0 ? "D-SH" : "D-BJ",
                        1 + i % 8,
                        installedOn,
                        i,
                        "客户" + i,
                        phoneOf(i)));
            }
            return csv.toString();
        }

        int bad() {
            return rows / 50;
        }

        int good() {
            return rows - bad();
        }

        /** The phone of row {@code i}: row 10k+4 shares 10k+3's. */
        static String phoneOf(int i) {
            return String.format(Locale.ROOT, "1370%07d", i % 10 == 4 ? i - 1 : i);
        }

        /** The E.164 keys of the good rows' phones. */
        Set<String> phoneKeys() {
            var keys = new HashSet<String>();
            for (int i = 0; i < rows; i++) {
                if (i % 50 != 49) {
                    keys.add("+86" + phoneOf(i));
                }
            }
            return keys;
        }
    }

    /** The launcher as its own process, its output copied to a log file and watched for milestones. */
    static final class Launcher {

        private final Process process;
        private final AtomicReference<Instant> ready = new AtomicReference<>();
        private final AtomicReference<Instant> lastSnapshot = new AtomicReference<>();
        private final AtomicReference<String> exit = new AtomicReference<>();

        private Launcher(Process process, Path log) {
            this.process = process;
            var reader = new Thread(
                    () -> {
                        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                            String line;
                            while ((line = lines.readLine()) != null) {
                                Files.writeString(
                                        log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                                if (line.contains("After-sales platform is running")) {
                                    ready.set(Instant.now());
                                }
                                if (line.startsWith("[local-stack] store snapshot:")) {
                                    lastSnapshot.set(Instant.now());
                                }
                                if (line.startsWith("[local-stack] could not start")) {
                                    exit.set(line);
                                }
                            }
                        } catch (IOException e) {
                            exit.set(e.toString());
                        }
                    },
                    "launcher-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Launcher start(List<String> arguments, Path log) throws IOException {
            var command = new ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx512m");
            // A snapshot every 2 s instead of 30: the import of 6,000 rows took 12-27 s, and the kill waits for
            // two snapshots after the job's first progress; with 30 s between them it would come once the job
            // was done. A snapshot of this store takes milliseconds.
            command.add("-Daftersales.store.snapshot-interval=PT2S");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(LocalStack.class.getName());
            command.addAll(arguments);
            System.out.println("[import-crash-check] starting the launcher, output in " + log);
            return new Launcher(
                    new ProcessBuilder(command).redirectErrorStream(true).start(), log);
        }

        void awaitReady() throws InterruptedException {
            var from = Instant.now();
            while (ready.get() == null) {
                if (exit.get() != null || !process.isAlive()) {
                    throw new IllegalStateException("the launcher stopped: " + exit.get());
                }
                if (Duration.between(from, Instant.now()).compareTo(START_TIMEOUT) > 0) {
                    throw new IllegalStateException("the launcher was not ready within " + START_TIMEOUT);
                }
                Thread.sleep(250);
            }
        }

        /**
         * Kills the launcher with SIGKILL right after the second store snapshot from now. Not the first: a
         * snapshot's line is printed once its copy is written, so the first may have been copied before the
         * progress the caller saw (a run here restarted a job with 0 rows read that way); the second began
         * after the first's line, so it holds that progress.
         */
        void killAfterTheSecondSnapshot() throws InterruptedException {
            for (int snapshots = 0; snapshots < 2; snapshots++) {
                var since = lastSnapshot.get();
                while (lastSnapshot.get() == since) {
                    Thread.sleep(5);
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the launcher stopped by itself");
                    }
                }
            }
            kill();
            System.out.println("[import-crash-check] launcher killed (SIGKILL) right after a store snapshot");
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /** As Ctrl-C would: the launcher stops the services and takes its last snapshot. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
                kill();
            }
        }
    }
}
