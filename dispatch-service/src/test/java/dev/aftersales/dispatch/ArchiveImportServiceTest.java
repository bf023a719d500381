package dev.aftersales.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.dispatch.archive.domain.Installations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Row-tolerant installation imports over HTTP, as CSV and as JSON. */
@ServiceSliceTest
class ArchiveImportServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    Installations installations;

    @Autowired
    Clock clock;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_10000_row_csv_with_50_bad_rows_loads_9950_reports_the_50_by_line_and_changes_nothing_the_second_time()
            throws Exception {
        var prefix = "CSV-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        var csv = new StringBuilder(
                "serialNumber,model,productLine,customerId,dealerId,installerId,installedOn,address,regionCode,latitude,longitude\n");
        var badLines = new ArrayList<Integer>();
        for (int i = 0; i < 10_000; i++) {
            var line = i + 2;
            var serial = prefix + i;
            var date = LocalDate.of(2024, 1, 1).plusDays(i % 700);
            String row;
            if (i % 200 == 7) {
                badLines.add(line);
                row = switch (badLines.size() % 5) {
                    case 0 -> ",RO-400,WATER_PURIFIER,CU-1,D-SH,T-001,2024-05-03,addr,310115,,";
                    case 1 -> serial + ",RO-400,WATER_PURIFIER,CU-1,,T-001,2024-05-03,addr,310115,,";
                    case 2 -> serial + ",RO-400,WATER_PURIFIER,CU-1,D-SH,T-001,2024-13-45,addr,310115,,";
                    case 3 -> serial + ",RO-400,WATER_PURIFIER,CU-1,D-SH,T-001,2024-05-03,addr,31011,,";
                    default -> serial + ",RO-400,WATER_PURIFIER,too,few";
                };
            } else {
                row = String.format(
                        Locale.ROOT,
                        "%s,RO-400,WATER_PURIFIER,CU-%d,D-SH,T-001,%s,\"上海市浦东新区张江路%d号, 3楼\",310115,31.2,121.6",
                        serial,
                        i,
                        date,
                        i);
            }
            csv.append(row).append('\n');
        }

        var started = System.nanoTime();
        var first = postCsv(csv.toString());
        var firstMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        var second = postCsv(csv.toString());
        var secondMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                Locale.ROOT, "[dispatch] 10,000-row CSV import: %d ms first, %d ms again%n", firstMillis, secondMillis);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(first.body(), "$.rows")).isEqualTo(10_000);
        assertThat((Integer) JsonPath.read(first.body(), "$.loaded")).isEqualTo(9_950);
        assertThat((Integer) JsonPath.read(first.body(), "$.unchanged")).isZero();
        List<Integer> reported = JsonPath.read(first.body(), "$.rejected[*].line");
        assertThat(reported).containsExactlyElementsOf(badLines);
        List<String> reasons = JsonPath.read(first.body(), "$.rejected[*].reason");
        assertThat(reasons)
                .anyMatch(r -> r.startsWith("serialNumber"))
                .anyMatch(r -> r.startsWith("dealerId"))
                .anyMatch(r -> r.startsWith("installedOn"))
                .anyMatch(r -> r.startsWith("regionCode"))
                .anyMatch(r -> r.startsWith("expected 11 columns"));
        var loaded = installations.bySerialNumber(prefix + 1).orElseThrow();
        assertThat(loaded.site().address()).isEqualTo("上海市浦东新区张江路1号, 3楼");
        assertThat(loaded.site().latitude()).isEqualTo(31.2);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(second.body(), "$.loaded")).isZero();
        assertThat((Integer) JsonPath.read(second.body(), "$.unchanged")).isEqualTo(9_950);
        assertThat((List<Integer>) JsonPath.read(second.body(), "$.rejected[*].line"))
                .containsExactlyElementsOf(badLines);
    }

    @Test
    void an_excel_export_with_a_byte_order_mark_and_quoted_cells_loads_and_reports_rows_as_excel_numbers_them()
            throws Exception {
        var serial = "XL-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        // Excel's "CSV UTF-8": a byte-order mark, CRLF, a comma and a line break (Alt+Enter) inside
        // quoted cells, a blank row. Excel shows the bad rows as rows 3 and 5.
        var csv = "\uFEFFserialNumber,model,dealerId,installedOn,address,regionCode\r\n"
                + serial + "1,\"KFR-35,GW\",D-SH,2025-03-10,\"上海市浦东新区\r\n张江路88号\",310115\r\n"
                + serial + "2,RO-400,,2025-03-10,北京,110101\r\n"
                + "\r\n"
                + serial + "3,RO-400,D-SH,10.03.2025,广州,440103\r\n"
                + serial + "4,RO-400,D-SH,2025-03-10,\"深圳 \"\"南山\"\"\",440305\r\n";

        var response = postCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(response.body(), "$.loaded")).isEqualTo(2);
        assertThat((List<Integer>) JsonPath.read(response.body(), "$.rejected[*].line"))
                .containsExactly(3, 5);
        var first = installations.bySerialNumber(serial + "1").orElseThrow();
        assertThat(first.model()).isEqualTo("KFR-35,GW");
        assertThat(first.site().address()).isEqualTo("上海市浦东新区\r\n张江路88号");
        assertThat(installations
                        .bySerialNumber(serial + "4")
                        .orElseThrow()
                        .site()
                        .address())
                .isEqualTo("深圳 \"南山\"");
    }

    @Test
    void a_gbk_file_loads_in_the_charset_its_content_type_names_and_is_refused_without_it() throws Exception {
        var serial = "GBK-" + UUID.randomUUID().toString().substring(0, 6);
        var csv =
                ("serialNumber,dealerId,address\n" + serial + ",D-SH,上海市浦东新区张江路88号\n").getBytes(Charset.forName("GBK"));

        var unnamed = postCsv(csv, "text/csv");
        assertThat(unnamed.statusCode()).as(unnamed.body()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(unnamed.body(), "$.errors[*].field"))
                .containsExactly("body");
        assertThat(installations.bySerialNumber(serial)).isEmpty();

        var named = postCsv(csv, "text/csv;charset=GBK");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        assertThat(installations.bySerialNumber(serial).orElseThrow().site().address())
                .isEqualTo("上海市浦东新区张江路88号");
    }

    @Test
    void json_rows_load_the_same_way_reporting_bad_ones_by_position() throws Exception {
        var serial = "JSON-" + UUID.randomUUID().toString().substring(0, 6);
        var body = """
                [{"serialNumber": "%s", "dealerId": "D-SH", "installedOn": "2025-02-01", "regionCode": "310115"},
                 {"serialNumber": "%s-2", "installedOn": "2025-02-01"},
                 {"serialNumber": "%s-3", "dealerId": "D-SH", "latitude": 31.2}]
                """.formatted(serial, serial, serial);

        var response = send(HttpRequest.newBuilder(uri("/api/archive/installations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(response.body(), "$.loaded")).isEqualTo(1);
        assertThat((List<Integer>) JsonPath.read(response.body(), "$.rejected[*].line"))
                .containsExactly(2, 3);
        assertThat(installations.bySerialNumber(serial)).isPresent();
    }

    @Test
    void a_new_installation_reported_by_the_installer_is_archived_and_published_with_its_warranty() throws Exception {
        var serial = "NEW-" + UUID.randomUUID().toString().substring(0, 6);
        var body = """
                {"serialNumber": "%s", "model": "RO-400", "productLine": "WATER_PURIFIER", "dealerId": "D-SH",
                 "installedOn": "2026-11-20",
                 "customer": {"customerId": "CU-77", "name": "王芳", "phone": "13812345678"},
                 "site": {"address": "上海市浦东新区张江路88号", "regionCode": "310115"}}
                """.formatted(serial);
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ARCHIVE)) {
            var response = send(
                    HttpRequest.newBuilder(uri("/api/installations"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)),
                    TestTokens.technician("T-001", "D-SH"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat((String) JsonPath.read(response.body(), "$.wholeMachineWarrantyUntil"))
                    .isEqualTo("2027-11-19");

            var seen = tap.await(s -> s.is(InstallationRecorded.class) && serial.equals(s.key()), WAIT);
            var recorded = seen.as(InstallationRecorded.class);
            assertThat(recorded.installerId()).isEqualTo("T-001");
            assertThat(recorded.customerPhone()).isEqualTo("13812345678");
            assertThat(recorded.mainPartsWarrantyUntil()).isEqualTo(LocalDate.parse("2029-11-19"));

            // Reported twice: the machine is archived already (409), published once.
            var again = send(
                    HttpRequest.newBuilder(uri("/api/installations"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)),
                    TestTokens.technician("T-001", "D-SH"));
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat((String) JsonPath.read(again.body(), "$.type"))
                    .isEqualTo("urn:aftersales:problem:already-archived");
            assertThat(tap.drain(Duration.ofSeconds(3)))
                    .filteredOn(s -> serial.equals(s.key()))
                    .allMatch(
                            s -> s.headers().get("ce_id").equals(seen.headers().get("ce_id")));
        }
        assertThat(installations.bySerialNumber(serial).orElseThrow().installerId())
                .isEqualTo("T-001");
    }

    /**
     * Issue 15: a machine that enters the archive by an import is announced like a reported one, so the
     * hotline, planning and followup see the whole installed base; once per machine, however often the
     * file is imported. Only a machine installed in the last three days and not flagged as history gets
     * the thank-you call.
     */
    @Test
    void imported_machines_are_announced_once_each_and_only_recent_ones_are_thanked() throws Exception {
        var serial = "IMP-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        var today = LocalDate.now(clock);
        var csv =
                "serialNumber,model,productLine,customerId,dealerId,installedOn,customerName,customerPhone,historical\n"
                        + serial + "recent,RO-400,WATER_PURIFIER,CU-1,D-SH," + today.minusDays(1)
                        + ",王芳,138-1234-5678,\n"
                        + serial + "old,RO-400,WATER_PURIFIER,CU-2,D-SH," + today.minusDays(4) + ",李雷,13900001111,\n"
                        + serial + "history,RO-400,WATER_PURIFIER,CU-3,D-SH," + today + ",韩梅,13900002222,true\n"
                        + serial + "undated,RO-400,WATER_PURIFIER,CU-4,D-SH,,赵四,13900003333,\n";
        var batch = """
                {"installations": [{"serialNumber": "%sbatch", "dealerId": "D-SH", "customerId": "CU-5",
                  "installedOn": "2019-06-01", "customer": {"name": "钱五", "phone": "+86 139 0000 4444"},
                  "historical": true}]}
                """.formatted(serial);
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ARCHIVE)) {
            assertThat(postCsv(csv).statusCode()).isEqualTo(200);
            var imported = send(HttpRequest.newBuilder(uri("/api/archive/import"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch)));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

            var announced = new java.util.HashMap<String, InstallationRecorded>();
            for (var suffix : List.of("recent", "old", "history", "batch")) {
                var seen = tap.await(s -> s.is(InstallationRecorded.class) && (serial + suffix).equals(s.key()), WAIT);
                announced.put(suffix, seen.as(InstallationRecorded.class));
            }
            assertThat(announced.get("recent").thankYouCall()).isTrue();
            assertThat(announced.get("recent").customerName()).isEqualTo("王芳");
            assertThat(announced.get("recent").customerPhone()).isEqualTo("138-1234-5678");
            assertThat(announced.get("recent").wholeMachineWarrantyUntil()).isNotNull();
            assertThat(announced.get("old").thankYouCall()).isFalse();
            assertThat(announced.get("history").thankYouCall()).isFalse();
            assertThat(announced.get("batch").thankYouCall()).isFalse();
            assertThat(announced.get("batch").customerPhone()).isEqualTo("+86 139 0000 4444");

            // The same file and batch again: nothing new is archived or announced.
            var again = postCsv(csv);
            assertThat((Integer) JsonPath.read(again.body(), "$.loaded")).isZero();
            send(HttpRequest.newBuilder(uri("/api/archive/import"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch)));
            var events = tap.drain(Duration.ofSeconds(12)).stream()
                    .filter(s -> s.is(InstallationRecorded.class) && s.key().startsWith(serial))
                    .collect(java.util.stream.Collectors.groupingBy(
                            s -> s.key(),
                            java.util.stream.Collectors.mapping(
                                    s -> s.headers().get("ce_id"), java.util.stream.Collectors.toSet())));
            assertThat(events.keySet())
                    .containsExactlyInAnyOrder(serial + "recent", serial + "old", serial + "history", serial + "batch");
            assertThat(events.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        }
        // Without a date no warranty can be told: archived, announced once a correction dates it.
        assertThat(installations.bySerialNumber(serial + "undated")).isPresent();
    }

    private HttpResponse<String> postCsv(String csv) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/archive/installations"))
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private HttpResponse<String> postCsv(byte[] csv, String contentType) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/archive/installations"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(request, TestTokens.ops());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
