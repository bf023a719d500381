package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.ListDoor;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A dealer's transfers (to ship, to receive) and backorders: paged, stable while new ones come in,
 * scoped to the dealer of the token, exportable as CSV. Each test has dealers of its own ({@code sender},
 * {@code receiver}, {@code stranger}), so no other test's records are in their lists.
 */
@ServiceSliceTest
class DealerListsTest {

    static final String DISPATCHER = TestTokens.token("disp-p", Map.of(), Role.DISPATCHER);

    @Value("${local.server.port}")
    int port;

    @Autowired
    SetStock setStock;

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Stocks stocks;

    String sender;
    String receiver;
    String stranger;
    /** Stocked at the sender only: every request for it elsewhere is a transfer from the sender. */
    String part;

    @BeforeEach
    void dealers() {
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        sender = "D-LS" + suffix;
        receiver = "D-LR" + suffix;
        stranger = "D-LX" + suffix;
        part = "滤芯-RO-" + suffix;
        stock(sender, part, 1_000);
    }

    void stock(String dealer, String partNumber, int onHand) {
        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(dealer, partNumber, onHand, 0))));
    }

    /** {@code n} transfers of {@link #part} to {@code to}, two at each instant of the clock. */
    Set<String> transfers(String to, int n) {
        var ids = new HashSet<String>();
        for (int i = 0; i < n; i++) {
            var requestId = "RQ-L" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(request(requestId, to, part)).isEqualTo(ReservationOutcome.TRANSFERRED);
            ids.add("TR-" + requestId);
            if (i % 2 == 1) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        return ids;
    }

    /** {@code n} backorders at {@code dealer} of parts nobody stocks, two at each instant of the clock. */
    Set<String> backorders(String dealer, int n) {
        var ids = new HashSet<String>();
        for (int i = 0; i < n; i++) {
            var requestId = "RQ-B" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(request(requestId, dealer, "P-NONE-" + requestId)).isEqualTo(ReservationOutcome.BACKORDERED);
            ids.add(requestId);
            if (i % 2 == 1) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        return ids;
    }

    ReservationOutcome request(String requestId, String dealer, String partNumber) {
        return reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(), requestId, "C-" + requestId, "ASG-" + requestId, dealer, partNumber, 1));
    }

    static String dealer(String dealerId) {
        return TestTokens.dealer("user-" + dealerId, dealerId);
    }

    ListDoor shipping(String dealer) {
        return new ListDoor(port, "/api/dealers/" + dealer + "/transfers?side=SENDER", "transferId");
    }

    ListDoor receiving(String dealer) {
        return new ListDoor(port, "/api/dealers/" + dealer + "/transfers?side=RECEIVER", "transferId");
    }

    ListDoor backorderList(String dealer) {
        return new ListDoor(port, "/api/dealers/" + dealer + "/backorders", "requestId");
    }

    // transfers

    @Test
    void a_sender_walking_the_transfers_it_must_ship_sees_each_once_while_new_ones_are_requested() {
        var existing = new HashSet<String>(transfers(receiver, 7));
        existing.addAll(transfers(stranger, 2));
        var notItsOwn = strangersShipmentTo(receiver);
        var inserted = new HashSet<String>();

        shipping(sender)
                .walkWhileInserting(
                        dealer(sender),
                        2,
                        existing,
                        page -> inserted.addAll(transfers(receiver, 1)),
                        id -> (existing.contains(id) || inserted.contains(id)) && !id.equals(notItsOwn));
    }

    @Test
    void a_receiver_walking_the_transfers_it_will_receive_never_sees_another_dealers() {
        var existing = transfers(receiver, 5);
        var others = transfers(stranger, 3);
        var inserted = new HashSet<String>();

        var seen = receiving(receiver)
                .walkWhileInserting(
                        dealer(receiver),
                        2,
                        existing,
                        page -> inserted.addAll(transfers(receiver, 1)),
                        id -> existing.contains(id) || inserted.contains(id));

        assertThat(seen).doesNotContainAnyElementsOf(others);
    }

    @Test
    void transfers_are_listed_newest_first_and_by_status_and_period() throws Exception {
        var older = transfers(receiver, 1).iterator().next();
        clock.advance(Duration.ofMinutes(10));
        var since = clock.instant();
        var newer = transfers(receiver, 1).iterator().next();
        var shipped = new PartsApi(port).post("/api/transfers/" + newer + "/shipped", dealer(sender));
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);

        assertThat(receiving(receiver).page(dealer(receiver), 10, null).ids()).containsExactly(newer, older);
        assertThat(new ListDoor(
                                port,
                                "/api/dealers/" + sender + "/transfers?side=SENDER&status=REQUESTED",
                                "transferId")
                        .page(dealer(sender), 10, null)
                        .ids())
                .containsExactly(older);
        assertThat(new ListDoor(
                                port,
                                "/api/dealers/" + receiver + "/transfers?side=RECEIVER&from=" + since,
                                "transferId")
                        .page(dealer(receiver), 10, null)
                        .ids())
                .containsExactly(newer);
    }

    @Test
    void a_received_transfer_is_listed_once_at_its_receiver_with_both_parties() throws Exception {
        var id = transfers(receiver, 1).iterator().next();
        var api = new PartsApi(port);
        assertThat(api.post("/api/transfers/" + id + "/shipped", dealer(sender)).statusCode())
                .isEqualTo(200);
        assertThat(api.post("/api/transfers/" + id + "/received", dealer(receiver))
                        .statusCode())
                .isEqualTo(200);

        var body = api.get("/api/dealers/" + sender + "/transfers?side=SENDER&status=RECEIVED", dealer(sender))
                .body();

        assertThat(body)
                .contains("\"transferId\":\"" + id + "\"")
                .contains("\"fromLocationId\":\"" + sender + "\"")
                .contains("\"toLocationId\":\"" + receiver + "\"")
                .contains("\"heldAt\":null")
                .contains("\"partNumber\":\"" + part + "\"");
        assertThat(receiving(receiver).page(dealer(receiver), 10, null).ids()).containsExactly(id);
    }

    @Test
    void a_transfer_half_received_is_listed_once_as_received() throws Exception {
        var id = transfers(receiver, 1).iterator().next();
        assertThat(new PartsApi(port)
                        .post("/api/transfers/" + id + "/shipped", dealer(sender))
                        .statusCode())
                .isEqualTo(200);
        // a receipt stopped between its two writes: the receiver's line holds the units, the sender's still does too
        var shipped =
                stocks.find(Stock.idOf(sender, part)).orElseThrow().transfer(id).orElseThrow();
        var receiving = Stock.open(receiver, part);
        assertThat(receiving.receive(shipped, clock.instant())).isTrue();
        stocks.save(receiving);

        var page = new PartsApi(port).get("/api/dealers/" + sender + "/transfers?side=SENDER", dealer(sender));

        assertThat(shipping(sender).page(dealer(sender), 10, null).ids()).containsExactly(id);
        assertThat(page.body()).contains("\"status\":\"RECEIVED\"").doesNotContain("SHIPPED");
        assertThat(receiving(receiver).page(dealer(receiver), 10, null).ids()).containsExactly(id);
    }

    @Test
    void the_transfer_list_needs_a_side_and_caps_the_page_size() throws Exception {
        var none = new PartsApi(port).get("/api/dealers/" + sender + "/transfers", dealer(sender));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("\"side\"");
        shipping(sender).refusesLimitAboveTheCap(dealer(sender), 200);
        receiving(receiver).refusesLimitAboveTheCap(DISPATCHER, 200);
    }

    @Test
    void a_transfer_cursor_replayed_by_another_dealer_or_the_dispatcher_is_not_found() {
        transfers(receiver, 3);
        transfers(stranger, 3);

        var first = shipping(sender).page(dealer(sender), 1, null);
        assertThat(first.next()).isNotNull();
        // the stranger on its own list, and the dispatcher on the sender's: neither may continue the sender's walk
        var stolen = shipping(stranger).page(dealer(stranger), 1, first.next());

        assertThat(stolen.response().statusCode()).isEqualTo(404);
        shipping(sender).refusesACursorOfAnotherCaller(dealer(sender), DISPATCHER);
    }

    @Test
    void another_dealers_transfers_are_not_found_for_a_dealer_and_open_to_dispatch() throws Exception {
        var id = transfers(receiver, 1).iterator().next();
        var api = new PartsApi(port);

        assertThat(api.get("/api/dealers/" + receiver + "/transfers?side=RECEIVER", dealer(stranger))
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/dealers/" + receiver + "/transfers/export.csv?side=RECEIVER", dealer(stranger))
                        .statusCode())
                .isEqualTo(404);
        assertThat(receiving(receiver).page(DISPATCHER, 10, null).ids()).containsExactly(id);
    }

    @Test
    void the_transfer_export_holds_the_receivers_rows_only_in_chinese_readable_csv_and_is_audited() {
        var own = transfers(receiver, 3);
        var others = transfers(stranger, 2);

        var response = ListDoor.export(
                port, "/api/dealers/" + receiver + "/transfers/export.csv?side=RECEIVER", dealer(receiver));

        assertThat(response.statusCode()).isEqualTo(200);
        var lines = csvLines(response.body());
        assertThat(lines[0])
                .isEqualTo(
                        "transferId,requestId,complaintId,partNumber,quantity,fromLocationId,toLocationId,heldAt,status,requestedAt,eta");
        assertThat(lines).hasSize(1 + own.size());
        assertThat(List.of(lines).subList(1, lines.length))
                .allMatch(line -> own.stream().anyMatch(line::startsWith))
                .allMatch(line ->
                        line.contains("," + part + ",1," + sender + "," + receiver + "," + sender + ",REQUESTED,"));
        assertThat(String.join("\n", lines)).doesNotContain(others);
        assertAudited("dealer.transfers", "user-" + receiver, receiver, "3");
    }

    // backorders

    @Test
    void a_dealer_walking_its_backorders_sees_each_once_while_new_ones_come_in() {
        var existing = backorders(receiver, 7);
        var others = backorders(stranger, 2);
        var inserted = new HashSet<String>();

        var seen = backorderList(receiver)
                .walkWhileInserting(
                        dealer(receiver),
                        2,
                        existing,
                        page -> inserted.addAll(backorders(receiver, 1)),
                        id -> existing.contains(id) || inserted.contains(id));

        assertThat(seen).doesNotContainAnyElementsOf(others);
    }

    @Test
    void backorders_are_listed_oldest_first_waiting_ones_apart_from_served_ones() {
        var served = backorders(receiver, 1).iterator().next();
        clock.advance(Duration.ofMinutes(5));
        var waiting = backorders(receiver, 1).iterator().next();
        stock(receiver, "P-NONE-" + served, 3);
        var servedOnes = new ListDoor(port, "/api/dealers/" + receiver + "/backorders?status=SERVED", "requestId");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                servedOnes.page(dealer(receiver), 10, null).ids())
                        .containsExactly(served));

        assertThat(backorderList(receiver).page(dealer(receiver), 10, null).ids())
                .containsExactly(served, waiting);
        assertThat(new ListDoor(port, "/api/dealers/" + receiver + "/backorders?status=WAITING", "requestId")
                        .page(dealer(receiver), 10, null)
                        .ids())
                .containsExactly(waiting);
    }

    @Test
    void the_backorder_list_caps_the_page_size_and_refuses_another_dealers_cursor() {
        backorders(receiver, 3);
        backorders(stranger, 3);
        backorderList(receiver).refusesLimitAboveTheCap(dealer(receiver), 200);

        var first = backorderList(receiver).page(dealer(receiver), 1, null);
        var stolen = backorderList(stranger).page(dealer(stranger), 1, first.next());

        assertThat(stolen.response().statusCode()).isEqualTo(404);
        backorderList(receiver).refusesACursorOfAnotherCaller(dealer(receiver), DISPATCHER);
    }

    @Test
    void the_backorder_export_holds_the_dealers_rows_only_in_chinese_readable_csv_and_is_audited() {
        var own = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            var requestId = "RQ-B" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(request(requestId, receiver, "阀门-" + requestId)).isEqualTo(ReservationOutcome.BACKORDERED);
            own.add(requestId);
        }
        var others = backorders(stranger, 2);

        var response = ListDoor.export(port, "/api/dealers/" + receiver + "/backorders/export.csv", dealer(receiver));

        assertThat(response.statusCode()).isEqualTo(200);
        var lines = csvLines(response.body());
        assertThat(lines[0])
                .isEqualTo(
                        "requestId,kind,complaintId,assignmentId,actionId,partNumber,quantity,priority,status,servingLocationId,backorderedAt");
        assertThat(lines).hasSize(1 + own.size());
        for (var requestId : own) {
            assertThat(lines)
                    .anyMatch(line -> line.startsWith(requestId + ",PARTS,C-" + requestId + ",ASG-" + requestId
                            + ",,阀门-" + requestId + ",1,NORMAL,WAITING,,"));
        }
        assertThat(String.join("\n", lines)).doesNotContain(others);
        assertAudited("dealer.backorders", "user-" + receiver, receiver, "2");
    }

    /** A transfer the stranger ships to {@code to}: in the receiver's list, never in the sender's. */
    String strangersShipmentTo(String to) {
        var ownPart = "P-X" + UUID.randomUUID().toString().substring(0, 8);
        stock(stranger, ownPart, 5);
        var requestId = "RQ-X" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(request(requestId, to, ownPart)).isEqualTo(ReservationOutcome.TRANSFERRED);
        return "TR-" + requestId;
    }

    /** The body after the UTF-8 byte-order mark, which must be there, as lines. */
    static String[] csvLines(byte[] bytes) {
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
    }

    void assertAudited(String list, String actor, String dealerId, String rows) {
        var audited = mongo.find(
                Query.query(Criteria.where("action")
                        .is("list.export")
                        .and("subject")
                        .is(list)
                        .and("details.dealerId")
                        .is(dealerId)),
                Document.class,
                "audit_trail");
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.getString("actor")).isEqualTo(actor);
            assertThat(entry.get("details", Document.class).getString("rows")).isEqualTo(rows);
        });
    }
}
