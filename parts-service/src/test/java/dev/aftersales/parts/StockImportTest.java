package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Dealers import counted stock of their own locations as CSV or JSON files. */
@ServiceSliceTest
class StockImportTest {

    static final String PATH = "/api/stock/imports";
    static final String DEALER = "D-IMP-1";
    static final String OTHER = "D-IMP-2";

    @Value("${local.server.port}")
    int port;

    PartsApi api;

    record StockLine(String locationId, String partNumber, int onHand, int reserved, int available, int reorderPoint) {}

    record Accepted(int row, String locationId, String partNumber, int onHand) {}

    record Rejected(int row, String field, String message) {}

    record Answer(String importId, boolean replayed, List<Accepted> accepted, List<Rejected> rejected) {}

    record FieldProblem(String field, String message) {}

    record Problem(int status, List<FieldProblem> errors) {}

    @BeforeEach
    void connect() {
        api = new PartsApi(port);
    }

    static String dealer() {
        return TestTokens.dealer("dealer-imp-1", DEALER);
    }

    Optional<StockLine> line(String locationId, String partNumber) throws Exception {
        var response = api.get("/api/stock/" + locationId, TestTokens.ops());
        return Arrays.stream(EventJson.read(response.body().getBytes(StandardCharsets.UTF_8), StockLine[].class))
                .filter(l -> l.partNumber().equals(partNumber))
                .findFirst();
    }

    @Test
    void a_dealer_imports_a_csv_file_once_however_often_it_is_sent() throws Exception {
        var csv = """
                partNumber,locationId,onHand,reorderPoint,unitCost
                IMP-A,D-IMP-1,10,2,125.50
                "IMP-B",D-IMP-1,4,,
                """;
        var first = api.post(PATH, dealer(), "text/csv", csv);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        var answer = EventJson.read(first.body().getBytes(), Answer.class);
        assertThat(answer.replayed()).isFalse();
        assertThat(answer.accepted())
                .containsExactly(new Accepted(1, DEALER, "IMP-A", 10), new Accepted(2, DEALER, "IMP-B", 4));
        assertThat(answer.rejected()).isEmpty();
        assertThat(line(DEALER, "IMP-A")).contains(new StockLine(DEALER, "IMP-A", 10, 0, 10, 2));

        // Two units leave by a stock-take; the same file sent again must not bring them back.
        var counted = api.put(
                "/api/stock", TestTokens.ops(), "[{\"locationId\":\"D-IMP-1\",\"partNumber\":\"IMP-A\",\"onHand\":8}]");
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        var again = api.post(PATH, dealer(), "text/csv", csv);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        var replay = EventJson.read(again.body().getBytes(), Answer.class);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.importId()).isEqualTo(answer.importId());
        assertThat(line(DEALER, "IMP-A").orElseThrow().onHand()).isEqualTo(8);
    }

    @Test
    void an_import_id_makes_a_json_import_idempotent_and_bad_rows_are_reported_by_row_and_field() throws Exception {
        var json = """
                [{"locationId": "D-IMP-1", "partNumber": "IMP-C", "onHand": 5},
                 {"locationId": "D-IMP-1", "partNumber": "IMP-D", "onHand": "ten"},
                 {"locationId": "D-IMP-1", "onHand": 3},
                 {"locationId": "D-IMP-1", "partNumber": "IMP-E", "onHand": -1, "reorderPoint": 1}]
                """;
        var first = api.post(PATH, dealer(), "application/json", json, "Import-Id", "count-2026-11-23");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        var answer = EventJson.read(first.body().getBytes(), Answer.class);
        assertThat(answer.importId()).isEqualTo("count-2026-11-23");
        assertThat(answer.accepted()).containsExactly(new Accepted(1, DEALER, "IMP-C", 5));
        assertThat(answer.rejected())
                .extracting(Rejected::row, Rejected::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "onHand"),
                        org.assertj.core.groups.Tuple.tuple(3, "partNumber"),
                        org.assertj.core.groups.Tuple.tuple(4, "onHand"));
        assertThat(line(DEALER, "IMP-D")).isEmpty();
        assertThat(line(DEALER, "IMP-E")).isEmpty();

        // The same id again, even with other content: the first run's report, nothing written.
        var again = api.post(
                PATH,
                dealer(),
                "application/json",
                "[{\"locationId\": \"D-IMP-1\", \"partNumber\": \"IMP-C\", \"onHand\": 50}]",
                "Import-Id",
                "count-2026-11-23");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(EventJson.read(again.body().getBytes(), Answer.class).replayed())
                .isTrue();
        assertThat(line(DEALER, "IMP-C").orElseThrow().onHand()).isEqualTo(5);
    }

    @Test
    void an_import_id_is_the_dealers_own_another_dealers_same_id_is_another_import() throws Exception {
        var importId = "count-" + java.util.UUID.randomUUID();
        var mine = api.post(
                PATH,
                dealer(),
                "application/json",
                "[{\"locationId\": \"D-IMP-1\", \"partNumber\": \"IMP-OWN\", \"onHand\": 4}]",
                "Import-Id",
                importId);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);

        var theirs = api.post(
                PATH,
                TestTokens.dealer("dealer-imp-2", OTHER),
                "application/json",
                "[{\"locationId\": \"D-IMP-2\", \"partNumber\": \"IMP-OWN\", \"onHand\": 9}]",
                "Import-Id",
                importId);

        assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(200);
        var answer = EventJson.read(theirs.body().getBytes(), Answer.class);
        assertThat(answer.replayed()).isFalse();
        assertThat(answer.accepted()).containsExactly(new Accepted(1, OTHER, "IMP-OWN", 9));
        assertThat(theirs.body()).doesNotContain(DEALER);
        assertThat(line(OTHER, "IMP-OWN").orElseThrow().onHand()).isEqualTo(9);
        assertThat(line(DEALER, "IMP-OWN").orElseThrow().onHand()).isEqualTo(4);
    }

    @Test
    void an_import_without_one_valid_row_is_refused_as_a_problem_naming_each_row_and_field() throws Exception {
        var response = api.post(PATH, dealer(), "text/csv", """
                locationId,partNumber,onHand
                D-IMP-1,IMP-F,many
                D-IMP-1,,2
                """);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(EventJson.read(response.body().getBytes(), Problem.class).errors())
                .extracting(FieldProblem::field)
                .containsExactly("rows[1].onHand", "rows[2].partNumber");
        assertThat(line(DEALER, "IMP-F")).isEmpty();

        var unknownColumn = api.post(PATH, dealer(), "text/csv", "locationId,part,onHand\nD-IMP-1,IMP-F,1\n");
        assertThat(unknownColumn.statusCode()).isEqualTo(400);
        assertThat(EventJson.read(unknownColumn.body().getBytes(), Problem.class)
                        .errors())
                .extracting(FieldProblem::field)
                .contains("header[1]", "header");
        assertThat(api.post(PATH, dealer(), "application/json", "{not json").statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_dealer_importing_into_another_dealers_location_is_refused_and_nothing_is_written() throws Exception {
        var response = api.post(PATH, dealer(), "text/csv", """
                locationId,partNumber,onHand
                D-IMP-1,IMP-G,3
                D-IMP-2,IMP-G,3
                """);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(line(DEALER, "IMP-G")).isEmpty();
        assertThat(line(OTHER, "IMP-G")).isEmpty();

        var json = api.post(
                PATH,
                dealer(),
                "application/json",
                "[{\"locationId\": \"D-IMP-2\", \"partNumber\": \"IMP-G\", \"onHand\": 3}]");
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(api.post(PATH, TestTokens.technician("T-IMP", DEALER), "text/csv", "locationId,partNumber,onHand\n")
                        .statusCode())
                .isEqualTo(403);
        // operations may import any location
        var ops = api.post(PATH, TestTokens.ops(), "text/csv", "locationId,partNumber,onHand\nD-IMP-2,IMP-G,3\n");
        assertThat(ops.statusCode()).as(ops.body()).isEqualTo(200);
        assertThat(line(OTHER, "IMP-G").orElseThrow().onHand()).isEqualTo(3);
    }

    @Test
    void an_excel_export_with_a_byte_order_mark_and_quoted_cells_is_read_row_by_row() throws Exception {
        // Excel's "CSV UTF-8": a byte-order mark, CRLF, a line break typed inside a cell (Alt+Enter),
        // a thousands separator inside quotes.
        var csv = "\uFEFFlocationId,partNumber,onHand,reorderPoint,unitCost\r\n"
                + "D-IMP-1,IMP-H,5,,\"12.50\"\r\n"
                + "D-IMP-1,\"IMP-I\n\",3,,\r\n"
                + "D-IMP-1,IMP-J,2,,\"1,250.50\"\r\n"
                + "D-IMP-1,IMP-K,1,,\r\n";

        var response = api.post(PATH, dealer(), "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var answer = EventJson.read(response.body().getBytes(), Answer.class);
        assertThat(answer.accepted())
                .containsExactly(
                        new Accepted(1, DEALER, "IMP-H", 5),
                        new Accepted(2, DEALER, "IMP-I", 3),
                        new Accepted(4, DEALER, "IMP-K", 1));
        assertThat(answer.rejected())
                .extracting(Rejected::row, Rejected::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "unitCost"));
        assertThat(line(DEALER, "IMP-J")).isEmpty();
    }

    @Test
    void a_gbk_file_is_read_in_the_charset_its_content_type_names_and_refused_without_it() throws Exception {
        var csv = "locationId,partNumber,onHand\nD-IMP-1,滤芯-GBK,6\n".getBytes(Charset.forName("GBK"));

        var unnamed = api.post(PATH, dealer(), "text/csv", csv);
        assertThat(unnamed.statusCode()).as(unnamed.body()).isEqualTo(400);
        assertThat(EventJson.read(unnamed.body().getBytes(), Problem.class).errors())
                .extracting(FieldProblem::field)
                .containsExactly("body");
        assertThat(line(DEALER, "滤芯-GBK")).isEmpty();

        var named = api.post(PATH, dealer(), "text/csv;charset=GBK", csv);
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        assertThat(line(DEALER, "滤芯-GBK").orElseThrow().onHand()).isEqualTo(6);
    }

    @Test
    void a_stock_count_and_an_imported_row_are_audited_with_who_counted_and_the_units_before_and_after()
            throws Exception {
        var part = "AUD-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var counted = api.put(
                "/api/stock",
                dealer(),
                "[{\"locationId\":\"%s\",\"partNumber\":\"%s\",\"onHand\":5}]".formatted(DEALER, part));
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        var imported =
                api.post(PATH, dealer(), "text/csv", "locationId,partNumber,onHand\n%s,%s,3\n".formatted(DEALER, part));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        var subject = java.net.URLEncoder.encode(DEALER + "|" + part, java.nio.charset.StandardCharsets.UTF_8);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> {
                    var audit = api.get("/admin/audit?action=stock.counted&subject=" + subject, TestTokens.ops());
                    return audit.statusCode() == 200 && audit.body().split("\"stock.counted\"").length == 3;
                });
        var audit = api.get("/admin/audit?action=stock.counted&subject=" + subject, TestTokens.ops());
        // newest first: the import (5 → 3), then the count (0 → 5), both by the dealer's user
        assertThat(audit.body())
                .containsSubsequence("\"onHand\":\"3\"", "\"onHandBefore\":\"5\"")
                .contains("\"onHandBefore\":\"0\"")
                .contains("\"actor\":\"dealer-imp-1\"")
                .doesNotContain("\"actor\":\"system\"");
    }
}
