package dev.aftersales.parts;

import static dev.aftersales.chassis.test.AuthorizationMatrix.A;
import static dev.aftersales.chassis.test.AuthorizationMatrix.B;
import static dev.aftersales.chassis.test.AuthorizationMatrix.C;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.AuthorizationMatrix;
import dev.aftersales.chassis.test.AuthorizationMatrix.Party;
import dev.aftersales.chassis.test.AuthorizationMatrix.Target;
import dev.aftersales.chassis.test.AuthorizationTable.Whose;
import dev.aftersales.chassis.test.ChassisDoors;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.parts.reservation.application.ReservationOutcome;
import dev.aftersales.parts.reservation.application.ReserveParts;
import dev.aftersales.parts.reservation.application.ReservePartsCommand;
import dev.aftersales.parts.reservation.application.ReserveReplacement;
import dev.aftersales.parts.reservation.application.ReserveReplacementCommand;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every door of parts × every role × whose record, as {@code docs/authorization.md} says. A dealer's
 * location id is its dealer id ({@code D-MA} for the caller, {@code D-MB} for another dealer); a
 * transfer is opened by reserving a part only its sender stocks for the receiver.
 */
@ServiceSliceTest
class AuthorizationMatrixTest {

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SetStock setStock;

    @Autowired
    ReserveParts reserveParts;

    @Autowired
    ReserveReplacement reserveReplacement;

    PartsApi api;

    @BeforeEach
    void importTheDealers() throws Exception {
        api = new PartsApi(port);
        var imported =
                api.put("/api/locations", TestTokens.ops(), """
                [{"locationId": "%s", "kind": "DEALER", "regionCode": "310115", "latitude": 31.22, "longitude": 121.54},
                 {"locationId": "%s", "kind": "DEALER", "regionCode": "330106", "latitude": 30.27, "longitude": 120.15},
                 {"locationId": "%s", "kind": "DEALER", "regionCode": "110105", "latitude": 39.90, "longitude": 116.40}]
                """.formatted(A.dealerId(), B.dealerId(), C.dealerId()));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void every_door_answers_every_role_as_the_table_says() {
        var matrix = AuthorizationMatrix.of("parts", port, context)
                .door("PUT /api/stock", scene -> {
                    var location = scene.owner().dealerId();
                    var part = newPart();
                    return Target.at("/api/stock")
                            .json("[{\"locationId\": \"%s\", \"partNumber\": \"%s\", \"onHand\": 4}]"
                                    .formatted(location, part))
                            .state(stock(location, part));
                })
                .door("POST /api/stock/imports", scene -> {
                    var location = scene.owner().dealerId();
                    var part = newPart();
                    return Target.at("/api/stock/imports")
                            .body("text/csv", "locationId,partNumber,onHand\n%s,%s,3\n".formatted(location, part))
                            .state(stock(location, part));
                })
                .door("GET /api/stock/{locationId}", scene -> {
                    var location = scene.owner().dealerId();
                    var part = stocked(location);
                    return Target.at("/api/stock/" + location).shows(body -> body.contains(part));
                })
                .door("PUT /api/locations", scene -> {
                    var location = "L-M" + UUID.randomUUID().toString().substring(0, 8);
                    return Target.at("/api/locations")
                            .json("[{\"locationId\": \"%s\", \"kind\": \"DEALER\", \"regionCode\": \"310115\"}]"
                                    .formatted(location))
                            .state(AuthorizationMatrix.stored(mongo, "locations", location));
                })
                .door("GET /api/locations", scene -> Target.at("/api/locations"))
                .door("GET /api/transfers/{transferId}", scene -> {
                    // own: the caller's dealer sends; other: two other dealers
                    var transfer = transfer(scene.owner(), scene.third());
                    return transfer.target("");
                })
                .door("POST /api/transfers/{transferId}/shipped", scene -> {
                    // own: the caller sends; party: the caller receives, the owner sends; other: neither
                    var transfer = scene.whose() == Whose.PARTY
                            ? transfer(scene.owner(), scene.caller())
                            : transfer(scene.owner(), scene.third());
                    return transfer.target("/shipped");
                })
                .door("POST /api/transfers/{transferId}/received", scene -> {
                    // own: the caller receives; party: the caller sends, the owner receives; other: neither
                    var transfer = switch (scene.whose()) {
                        case OWN -> transfer(scene.third(), scene.caller());
                        case PARTY -> transfer(scene.caller(), scene.owner());
                        default -> transfer(scene.third(), scene.owner());
                    };
                    var shipped = api.post("/api/transfers/" + transfer.id() + "/shipped", TestTokens.ops());
                    assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
                    return transfer.target("/received");
                })
                .door("GET /api/dealers/{dealerId}/transfers", scene -> {
                    var transfer = transfer(scene.owner(), scene.third());
                    return Target.at("/api/dealers/" + scene.owner().dealerId() + "/transfers?side=SENDER")
                            .shows(body -> body.contains(transfer.id()));
                })
                .door("GET /api/dealers/{dealerId}/transfers/export.csv", scene -> {
                    var transfer = transfer(scene.third(), scene.owner());
                    return Target.at("/api/dealers/" + scene.owner().dealerId() + "/transfers/export.csv?side=RECEIVER")
                            .shows(body -> body.contains(transfer.id()));
                })
                .door("GET /api/dealers/{dealerId}/backorders", scene -> {
                    var requestId = backorderedAt(scene.owner());
                    return Target.at("/api/dealers/" + scene.owner().dealerId() + "/backorders")
                            .shows(body -> body.contains(requestId));
                })
                .door("GET /api/dealers/{dealerId}/backorders/export.csv", scene -> {
                    var requestId = backorderedAt(scene.owner());
                    return Target.at("/api/dealers/" + scene.owner().dealerId() + "/backorders/export.csv")
                            .shows(body -> body.contains(requestId));
                })
                .door("GET /api/planning/{dealerId}/{partNumber}", scene -> {
                    var dealer = scene.owner().dealerId();
                    return Target.at("/api/planning/" + dealer + "/" + stocked(dealer));
                })
                .door("GET /api/reports/stock-value", scene -> Target.at("/api/reports/stock-value"))
                .door("GET /api/reports/backorders", scene -> Target.at("/api/reports/backorders"))
                .door("GET /api/replacements/{complaintId}/{actionId}", scene -> {
                    var goods = goodsHeldAt(scene.owner());
                    return Target.at(goods.path()).shows(body -> body.contains(goods.actionId()));
                })
                .door("POST /api/replacements/{complaintId}/{actionId}/shipped", scene -> {
                    var goods = goodsHeldAt(scene.owner());
                    return Target.at(goods.path() + "/shipped")
                            .json("{\"waybill\": \"WB-1\"}")
                            .state(goods.line());
                });
        ChassisDoors.register(matrix, context, brokers).verify();
    }

    @Test
    void the_readme_shows_parts_rows_of_the_table() {
        var table = AuthorizationMatrix.of("parts", port, context).table();
        assertThat(table.checkReadme("parts", table.readmeOf("parts-service"))).isEmpty();
    }

    /** A transfer between two dealers, as the reservation chain makes it: its lines are its state. */
    record Transfer(String id, List<java.util.concurrent.Callable<Object>> lines) {
        Target target(String step) {
            return Target.at("/api/transfers/" + id + step).state(() -> {
                var states = new ArrayList<Object>();
                for (var line : lines) {
                    states.add(line.call());
                }
                return states;
            });
        }
    }

    record Goods(String complaintId, String actionId, java.util.concurrent.Callable<Object> line) {
        String path() {
            return "/api/replacements/" + complaintId + "/" + actionId;
        }
    }

    /** Goods of a resolution action held at the dealer that sells the machine and stocks the item. */
    private Goods goodsHeldAt(Party dealer) {
        var item = stocked(dealer.dealerId());
        var complaintId = "C-M" + UUID.randomUUID().toString().substring(0, 8);
        var outcome = reserveReplacement.reserve(
                new ReserveReplacementCommand(complaintId, "A-1", item, 1, dealer.dealerId()));
        assertThat(outcome).isEqualTo(ReservationOutcome.RESERVED);
        return new Goods(complaintId, "A-1", stock(dealer.dealerId(), item));
    }

    /** Only the sender stocks a new part, so the receiver's request is served by a transfer from it. */
    private Transfer transfer(Party from, Party to) {
        var part = stocked(from.dealerId());
        var requestId = "RQ-M" + UUID.randomUUID().toString().substring(0, 8);
        var outcome = reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(),
                requestId,
                "C-" + requestId,
                "ASG-C-" + requestId,
                to.dealerId(),
                part,
                1));
        assertThat(outcome).isEqualTo(ReservationOutcome.TRANSFERRED);
        return new Transfer("TR-" + requestId, List.of(stock(from.dealerId(), part), stock(to.dealerId(), part)));
    }

    /** A request for a part nobody stocks, backordered at the dealer: its request id. */
    private String backorderedAt(Party dealer) {
        var requestId = "RQ-MB" + UUID.randomUUID().toString().substring(0, 8);
        var outcome = reserveParts.reserve(new ReservePartsCommand(
                UUID.randomUUID().toString(),
                requestId,
                "C-" + requestId,
                "ASG-C-" + requestId,
                dealer.dealerId(),
                newPart(),
                1));
        assertThat(outcome).isEqualTo(ReservationOutcome.BACKORDERED);
        return requestId;
    }

    private String stocked(String location) {
        var part = newPart();
        setStock.set(new SetStockCommand(List.of(new SetStockCommand.Line(location, part, 5, 0))));
        return part;
    }

    private java.util.concurrent.Callable<Object> stock(String location, String part) {
        return AuthorizationMatrix.stored(mongo, "stock", location + "|" + part);
    }

    private static String newPart() {
        return "P-M" + UUID.randomUUID().toString().substring(0, 8);
    }
}
