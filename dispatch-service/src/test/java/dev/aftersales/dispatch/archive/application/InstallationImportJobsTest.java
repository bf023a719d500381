package dev.aftersales.dispatch.archive.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.dispatch.DispatchProperties;
import dev.aftersales.dispatch.archive.domain.Installations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/** Installation imports as background jobs: 202, progress, the rejected rows' report, restarts. */
// A context of its own, so it runs after every class of the shared context: each context's embedded
// broker sets the JVM-wide spring.embedded.kafka.brokers, which a later class of another context would read.
@Order(Integer.MAX_VALUE - 1)
@ServiceSliceTest
@TestPropertySource(
        properties = {
            "aftersales.dispatch.imports.chunk-rows=100",
            "aftersales.dispatch.imports.lease=2s",
            "aftersales.dispatch.imports.poll=200ms",
            // The import limit is 64 MB; 1 MB here, so the test needs not send 64 MB.
            "aftersales.http.larger-bodies[0].paths=/api/archive/import,/api/archive/installations",
            "aftersales.http.larger-bodies[0].max-request-size=8MB",
            "aftersales.http.larger-bodies[1].paths=/api/archive/installation-imports",
            "aftersales.http.larger-bodies[1].max-request-size=1MB",
            "aftersales.http.larger-bodies[1].streamed=true"
        })
class InstallationImportJobsTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String HEADER = "serialNumber,model,productLine,dealerId,installedOn,regionCode\n";

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    RunInstallationImports runner;

    @Autowired
    ImportJobs jobs;

    @Autowired
    Installations installations;

    @Autowired
    ImportInstallations importer;

    @Autowired
    DispatchProperties properties;

    @Autowired
    MongoTemplate mongo;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_file_is_answered_202_at_once_and_its_job_counts_the_rows_and_reports_the_rejected_ones_as_csv()
            throws Exception {
        var prefix = "JOB-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        var badLines = new ArrayList<Integer>();
        var csv = file(prefix, 1_000, badLines);

        var submitted = post(csv, TestTokens.ops());

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        var location = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/archive/installation-imports/");
        assertThat((Integer) JsonPath.read(submitted.body(), "$.rows")).isEqualTo(1_000);
        var job = awaitDone(location);
        assertThat((Integer) JsonPath.read(job, "$.rowsRead")).isEqualTo(1_000);
        assertThat((Integer) JsonPath.read(job, "$.added")).isEqualTo(1_000 - badLines.size());
        assertThat((Integer) JsonPath.read(job, "$.unchanged")).isZero();
        assertThat((Integer) JsonPath.read(job, "$.rejected")).isEqualTo(badLines.size());
        assertThat(installations.bySerialNumber(prefix + 1)).isPresent();

        var report = get(JsonPath.read(job, "$.rejectedRows"), TestTokens.ops());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        var lines = report.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("row,field,reason");
        assertThat(lines.subList(1, lines.size()).stream()
                        .map(l -> Integer.parseInt(l.substring(0, l.indexOf(','))))
                        .toList())
                .containsExactlyElementsOf(badLines);
        assertThat(lines).anyMatch(l -> l.contains(",\"installedOn\",\"installedOn: not a date"));
        assertThat(lines).anyMatch(l -> l.contains(",\"regionCode\","));
        assertThat(lines).anyMatch(l -> l.contains(",\"\",\"expected 6 columns"));

        // The same file again: a new job that adds nothing.
        var again = awaitDone(
                post(csv, TestTokens.ops()).headers().firstValue("Location").orElseThrow());
        assertThat((Integer) JsonPath.read(again, "$.added")).isZero();
        assertThat((Integer) JsonPath.read(again, "$.unchanged")).isEqualTo(1_000 - badLines.size());
        assertThat((Integer) JsonPath.read(again, "$.rejected")).isEqualTo(badLines.size());
    }

    @Test
    void only_the_office_submits_and_reads_jobs_and_an_unknown_job_is_404() throws Exception {
        var csv = HEADER + "JOB-R-" + UUID.randomUUID().toString().substring(0, 6) + ",RO-400,,D-SH,2025-03-10,\n";
        var dealer = TestTokens.dealer("dealer-1", "D-SH");
        assertThat(post(csv, dealer).statusCode()).isEqualTo(403);
        var location =
                post(csv, TestTokens.ops()).headers().firstValue("Location").orElseThrow();
        assertThat(get(location, dealer).statusCode()).isEqualTo(403);
        assertThat(get(location + "/rejected-rows", TestTokens.technician("T-1", "D-SH"))
                        .statusCode())
                .isEqualTo(403);
        var unknown = get("/api/archive/installation-imports/" + UUID.randomUUID(), TestTokens.ops());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void a_file_with_an_unknown_column_or_an_open_quote_is_refused_whole_and_leaves_no_job() throws Exception {
        var unknownColumn = post("serialNumber,dealerId,colour\nX-1,D-SH,red\n", TestTokens.ops());
        assertThat(unknownColumn.statusCode()).isEqualTo(400);
        assertThat(unknownColumn.body()).contains("header");

        var serial = "JOB-Q-" + UUID.randomUUID().toString().substring(0, 6);
        var rows = new StringBuilder(HEADER);
        for (int i = 0; i < 250; i++) {
            rows.append(serial).append(i).append(",RO-400,,D-SH,2025-03-10,\n");
        }
        rows.append(serial).append("x,\"RO-400,,D-SH,2025-03-10,\n");
        var openQuote = post(rows.toString(), TestTokens.ops());
        assertThat(openQuote.statusCode()).as(openQuote.body()).isEqualTo(400);
        assertThat(openQuote.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        Thread.sleep(1_000);
        assertThat(installations.bySerialNumber(serial + 0)).isEmpty();
    }

    @Test
    void a_body_above_the_import_limit_is_refused_413_whether_its_length_is_declared_or_not() throws Exception {
        var tooLarge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        var declared = send(
                HttpRequest.newBuilder(uri("/api/archive/installation-imports"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge)),
                TestTokens.ops());
        assertThat(declared.statusCode()).isEqualTo(413);

        // Streamed without a length: header fine, then rows past the limit.
        var head = (HEADER).getBytes();
        var row = "JOB-L-0000000000,RO-400,,D-SH,2025-03-10,\n".getBytes();
        var chunked = send(
                HttpRequest.newBuilder(uri("/api/archive/installation-imports"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                                new java.io.ByteArrayInputStream(head), new RepeatingStream(row, 40_000)))),
                TestTokens.ops());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void an_import_whose_runner_crashed_mid_file_is_finished_by_the_next_with_no_machine_duplicated_or_announced_twice()
            throws Exception {
        var prefix = "JOB-C-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        var badLines = new ArrayList<Integer>();
        var csv = file(prefix, 1_000, badLines);
        var expected = 1_000 - badLines.size();
        runner.stop(); // this instance is down; another one takes the job and crashes
        var crashed = new CountDownLatch(1);
        var crashing =
                new RunInstallationImports(new CrashingAt(jobs, 4, crashed), installations, importer, properties);
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ARCHIVE)) {
            crashing.start();
            var location =
                    post(csv, TestTokens.ops()).headers().firstValue("Location").orElseThrow();
            var jobId = location.substring(location.lastIndexOf('/') + 1);
            assertThat(crashed.await(30, TimeUnit.SECONDS)).isTrue();
            crashing.stop();
            // Chunk 4's machines are written, the chunk not yet counted: the job stands at chunk 4.
            var halfway = jobs.find(jobId).orElseThrow();
            assertThat(halfway.state()).isEqualTo(ImportJob.State.RUNNING);
            assertThat(halfway.chunksDone()).isEqualTo(4);
            assertThat(installations.bySerialNumber(prefix + 450)).isPresent();
            assertThat(installations.bySerialNumber(prefix + 950)).isEmpty();

            runner.start(); // restarted: takes the job over once the crashed holder's lease ran out
            var done = awaitDone(location);

            assertThat((Integer) JsonPath.read(done, "$.added")).isEqualTo(expected);
            assertThat((Integer) JsonPath.read(done, "$.unchanged")).isZero();
            assertThat((Integer) JsonPath.read(done, "$.rejected")).isEqualTo(badLines.size());
            assertThat(mongo.getCollection("installations")
                            .countDocuments(
                                    new org.bson.Document("_id", new org.bson.Document("$regex", "^" + prefix))))
                    .isEqualTo(expected);
            // Each machine announced once: one event id per serial (a redelivery repeats the id).
            var announced = new java.util.HashMap<String, java.util.Set<String>>();
            await().atMost(WAIT).until(() -> {
                announced.clear();
                tap.drain(Duration.ofMillis(500)).stream()
                        .filter(s -> s.is(InstallationRecorded.class) && s.key().startsWith(prefix))
                        .forEach(s -> announced
                                .computeIfAbsent(s.key(), k -> new java.util.HashSet<>())
                                .add(s.id()));
                return announced.size() >= expected;
            });
            tap.drain(Duration.ofSeconds(3)).stream()
                    .filter(s -> s.is(InstallationRecorded.class) && s.key().startsWith(prefix))
                    .forEach(s -> announced.get(s.key()).add(s.id()));
            assertThat(announced).hasSize(expected);
            assertThat(announced.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        } finally {
            if (!runner.isRunning()) {
                runner.start();
            }
        }
    }

    /** 1,000 rows; every 50th is bad in one of three ways. */
    private static String file(String prefix, int rows, List<Integer> badLines) {
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            var line = i + 2;
            String row;
            if (i % 50 == 7) {
                badLines.add(line);
                row = switch (badLines.size() % 3) {
                    case 0 -> prefix + i + ",RO-400,WATER_PURIFIER,D-SH,2024-13-45,310115";
                    case 1 -> prefix + i + ",RO-400,WATER_PURIFIER,D-SH,2024-05-03,31011";
                    default -> prefix + i + ",RO-400,too,few";
                };
            } else {
                row = String.format(
                        Locale.ROOT, "%s%d,RO-400,WATER_PURIFIER,D-SH,2024-%02d-10,310115", prefix, i, i % 12 + 1);
            }
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    private String awaitDone(String location) {
        var body = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = get(location, TestTokens.ops());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            body[0] = response.body();
            return !"RUNNING".equals(JsonPath.read(body[0], "$.state"));
        });
        assertThat((String) JsonPath.read(body[0], "$.state")).isEqualTo("DONE");
        return body[0];
    }

    private HttpResponse<String> post(String csv, String token) throws Exception {
        return send(
                HttpRequest.newBuilder(uri("/api/archive/installation-imports"))
                        .header("Content-Type", "text/csv; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(csv)),
                token);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The jobs as the crashing instance sees them: it dies after writing a chunk's machines, before counting it. */
    private record CrashingAt(ImportJobs jobs, int chunk, CountDownLatch crashed) implements ImportJobs {

        @Override
        public boolean advance(String jobId, String token, int seq, ChunkOutcome outcome, Duration lease) {
            if (seq == chunk) {
                crashed.countDown();
                throw new IllegalStateException("killed");
            }
            return jobs.advance(jobId, token, seq, outcome, lease);
        }

        @Override
        public void addChunk(String jobId, int seq, List<ParsedRow> rows) {
            jobs.addChunk(jobId, seq, rows);
        }

        @Override
        public void discardChunks(String jobId, int chunks) {
            jobs.discardChunks(jobId, chunks);
        }

        @Override
        public void create(ImportJob job) {
            jobs.create(job);
        }

        @Override
        public java.util.Optional<ImportJob> find(String jobId) {
            return jobs.find(jobId);
        }

        @Override
        public java.util.Optional<Lease> claim(Duration lease) {
            return jobs.claim(lease);
        }

        @Override
        public java.util.Optional<Chunk> chunk(String jobId, int seq) {
            return jobs.chunk(jobId, seq);
        }

        @Override
        public void decide(String jobId, int seq, ChunkOutcome outcome) {
            jobs.decide(jobId, seq, outcome);
        }

        @Override
        public boolean finish(String jobId, String token, ImportJob.State state, String failure) {
            return jobs.finish(jobId, token, state, failure);
        }

        @Override
        public List<RowProblem> rejectedRows(String jobId) {
            return jobs.rejectedRows(jobId);
        }
    }

    /** The same bytes over and over, as a client streaming a huge file. */
    private static final class RepeatingStream extends java.io.InputStream {

        private final byte[] unit;
        private long left;
        private int at;

        RepeatingStream(byte[] unit, long times) {
            this.unit = unit;
            this.left = times;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            var b = unit[at++];
            if (at == unit.length) {
                at = 0;
                left--;
            }
            return b;
        }
    }
}
