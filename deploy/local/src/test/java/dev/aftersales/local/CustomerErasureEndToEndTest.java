package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, the customer master and erasure on the packaged services: two rows with one phone and two
 * names are one customer with an alias; the customer, their machine and their case reach every service;
 * after the erasure no document of any service's database holds their names or their phone, in any of the
 * ways it was typed. The documents are read through the store's wire port with the MongoDB driver, as an
 * auditor would. The hotline's caller lookup reads the master too: a phone the master learnt later and a
 * merged customer's machine are found through it, until the survivor is erased.
 */
@EndToEndStage
class CustomerErasureEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path DATA_DIR = Path.of("target", "e2e-erasure-stack");

    private static LocalStack stack;
    private static MongoClient store;

    @BeforeAll
    static void startTheStack() throws IOException {
        var config = FreshStack.config(DATA_DIR);
        stack = LocalStack.start(config);
        store = MongoClients.create("mongodb://127.0.0.1:" + config.storePort());
    }

    @AfterAll
    static void stopTheStack() {
        if (store != null) {
            store.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void an_erased_customer_leaves_no_name_or_phone_in_any_services_documents() {
        var ops = stack.token("ops-1", "OPS");
        var agent = stack.token("agent-erasure", "AGENT");
        var tag = UUID.randomUUID().toString().substring(0, 6);
        var name = "司马抹除" + tag;
        var alias = "司马先生" + tag;
        var phone = "139"
                + String.format(Locale.ROOT, "%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        var dashed = dashed(phone);
        var spaced = spaced(phone);
        var address = "上海市浦东新区抹除路" + tag + "号";
        var serial = "ER-" + tag;

        // (1) The installer reports the machine; an import row gives the same phone (typed with dashes) and another
        // name.
        install(serial, Map.of("name", name, "phone", phone), address);
        var row = new LinkedHashMap<String, String>();
        row.put("serialNumber", serial + "-2");
        row.put("model", "RO-400");
        row.put("productLine", "WATER_PURIFIER");
        row.put("dealerId", "D-SH");
        row.put("installedOn", "2024-05-03");
        row.put("address", address);
        row.put("regionCode", "310115");
        row.put("customerName", alias);
        row.put("customerPhone", dashed);
        var imported = send(Service.DISPATCH, "POST", "/api/archive/installations", ops, List.of(row));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);

        // (2) One customer with the second name as an alias, found by the phone however it is typed.
        String customerId = null;
        for (var typed : List.of(phone, dashed, spaced, "+86 " + phone)) {
            var found = send(
                    Service.DISPATCH,
                    "GET",
                    "/api/customers?phone=" + URLEncoder.encode(typed, StandardCharsets.UTF_8),
                    ops,
                    null);
            assertThat(found.status()).as(found.text()).isEqualTo(200);
            assertThat(found.json().size()).as(typed).isEqualTo(1);
            var customer = found.json().get(0);
            customerId = customer.get("customerId").asString();
            assertThat(customer.get("name").asString()).isEqualTo(name);
            assertThat(elements(customer.get("aliases")).map(a -> a.get("name").asString()))
                    .containsExactly(alias);
        }
        var id = customerId;

        // (3) The hotline finds the caller by phone and registers a case; dispatch offers it to the installer.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    var lookup = send(
                            Service.INTAKE,
                            "GET",
                            "/api/callers?phone=" + URLEncoder.encode(dashed, StandardCharsets.UTF_8),
                            stack.token("agent-lookup-" + UUID.randomUUID(), "AGENT"),
                            null);
                    assertThat(lookup.status()).as(lookup.text()).isEqualTo(200);
                    assertThat(elements(lookup.json().get("machines"))
                                    .map(m -> m.get("serialNumber").asString()))
                            .contains(serial);
                    assertThat(elements(lookup.json().get("machines"))
                                    .map(m -> m.get("customerName").asString()))
                            .contains(name);
                });
        var complaint = new LinkedHashMap<String, Object>();
        complaint.put(
                "customer", Map.of("name", name, "phones", List.of(phone), "address", address, "regionCode", "310115"));
        complaint.put("machine", Map.of("serialNumber", serial, "model", "RO-400"));
        complaint.put("kind", "REPAIR");
        complaint.put("channel", "HOTLINE");
        complaint.put("symptoms", "漏水，" + name + "说晚上打" + spaced);
        complaint.put("customerRequest", "尽快上门");
        complaint.put("customerId", id);
        var registered = send(Service.INTAKE, "POST", "/api/complaints", agent, complaint);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        var complaintId = registered.json().get("complaintId").asString();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !holding(List.of(name)).getOrDefault("dispatch", List.of()).stream()
                        .filter(where -> where.startsWith("assignments"))
                        .toList()
                        .isEmpty());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> holding(List.of(name)).containsKey("intake"));
        System.out.printf(
                Locale.ROOT, "[e2e] before the erasure the customer is in %s%n", holding(List.of(name, phone)));

        // (4) Operations erase the customer on their request; asking again changes nothing.
        var erased = send(Service.DISPATCH, "POST", "/api/customers/" + id + "/erasure", ops, Map.of());
        assertThat(erased.status()).as(erased.text()).isEqualTo(200);
        assertThat(send(Service.DISPATCH, "POST", "/api/customers/" + id + "/erasure", ops, Map.of())
                        .status())
                .isEqualTo(200);

        // (5) No document of any service holds their names or their phone, however it was typed.
        var traces = List.of(name, alias, phone, dashed, spaced, address);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(holding(traces)).isEmpty());

        // the case and the machine stay, without the person
        var kept = send(Service.INTAKE, "GET", "/api/complaints/" + complaintId, agent, null);
        assertThat(kept.status()).as(kept.text()).isEqualTo(200);
        assertThat(kept.json().get("serialNumber").asString()).isEqualTo(serial);
        assertThat(kept.json().get("kind").asString()).isEqualTo("REPAIR");
        var customer = send(Service.DISPATCH, "GET", "/api/customers/" + id, ops, null);
        assertThat(customer.json().get("erased").asBoolean()).isTrue();
        assertThat(customer.json().get("phones").size()).isZero();
    }

    @Test
    void the_hotline_finds_a_customer_by_a_phone_the_master_learnt_and_a_merged_customers_machine_until_the_erasure() {
        var ops = stack.token("ops-1", "OPS");
        var tag = UUID.randomUUID().toString().substring(0, 6);
        var name = "欧阳主档" + tag;
        var mergedName = "欧阳小号" + tag;
        var firstPhone = mobile("137");
        var furtherPhone = mobile("136");
        var mergedPhone = mobile("135");
        var address = "上海市浦东新区主档路" + tag + "号";
        var mergedAddress = "上海市浦东新区合并路" + tag + "号";
        var installedWithFirst = "MA-" + tag + "-1";
        var installedWithFurther = "MA-" + tag + "-2";
        var installedForMerged = "MA-" + tag + "-3";

        // (1) A machine installed with the first phone; a second installation for the same customer with another
        // phone teaches the master a further phone.
        install(installedWithFirst, Map.of("name", name, "phone", firstPhone), address);
        var id = customerWithPhone(firstPhone, ops).get("customerId").asString();
        install(installedWithFurther, Map.of("customerId", id, "name", name, "phone", furtherPhone), address);
        var learnt = customerWithPhone(dashed(furtherPhone), ops);
        assertThat(learnt.get("customerId").asString()).isEqualTo(id);
        assertThat(learnt.get("phones").size()).isEqualTo(2);

        // the further phone, however the agent types it, finds the machine installed with the first phone too:
        // only the master knows they are one customer's
        for (var typed : List.of(dashed(furtherPhone), "+86 " + furtherPhone)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(serialsFoundBy(typed))
                            .as(typed)
                            .containsExactlyInAnyOrder(installedWithFirst, installedWithFurther));
        }

        // (2) Another customer, found one day to be the same person, is merged into the first.
        install(installedForMerged, Map.of("name", mergedName, "phone", mergedPhone), mergedAddress);
        var mergedId = customerWithPhone(mergedPhone, ops).get("customerId").asString();
        assertThat(mergedId).isNotEqualTo(id);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(serialsFoundBy(mergedPhone)).containsExactly(installedForMerged));
        assertThat(serialsFoundBy(dashed(firstPhone)))
                .as("before the merge")
                .containsExactlyInAnyOrder(installedWithFirst, installedWithFurther);
        var merged =
                send(Service.DISPATCH, "POST", "/api/customers/" + id + "/merges", ops, Map.of("customerId", mergedId));
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.json().get("mergedCustomerIds").get(0).asString()).isEqualTo(mergedId);

        // the survivor's phone finds the merged customer's machine, shown as the survivor's; the merged
        // customer's phone finds the survivor's machines
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    var machines = machinesFoundBy("+86-" + dashed(firstPhone));
                    assertThat(machines.stream().map(m -> m.get("serialNumber").asString()))
                            .containsExactlyInAnyOrder(installedWithFirst, installedWithFurther, installedForMerged);
                    assertThat(machines.stream().map(m -> m.get("customerId").asString()))
                            .containsOnly(id);
                });
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(serialsFoundBy(dashed(mergedPhone)))
                        .containsExactlyInAnyOrder(installedWithFirst, installedWithFurther, installedForMerged));

        // (3) The survivor asks to be erased: none of the three phones finds anything, however it is typed,
        // and no document of any service holds their names, phones or addresses.
        var erased = send(Service.DISPATCH, "POST", "/api/customers/" + id + "/erasure", ops, Map.of());
        assertThat(erased.status()).as(erased.text()).isEqualTo(200);
        var phones = List.of(firstPhone, furtherPhone, mergedPhone);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (var phone : phones) {
                        for (var typed : List.of(phone, dashed(phone), "+86 " + phone)) {
                            assertThat(serialsFoundBy(typed)).as(typed).isEmpty();
                        }
                    }
                });
        var traces = new ArrayList<>(List.of(name, mergedName, address, mergedAddress));
        phones.forEach(phone -> traces.addAll(List.of(phone, dashed(phone), spaced(phone))));
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(holding(traces)).isEmpty());

        // the machines stay, without the person
        var bySerial = send(
                Service.INTAKE,
                "GET",
                "/api/callers?serialNumber=" + installedForMerged,
                stack.token("agent-lookup-" + UUID.randomUUID(), "AGENT"),
                null);
        assertThat(bySerial.status()).as(bySerial.text()).isEqualTo(200);
        assertThat(bySerial.json().get("machines").size()).isEqualTo(1);
    }

    private static String mobile(String prefix) {
        return prefix
                + String.format(Locale.ROOT, "%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String dashed(String phone) {
        return phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
    }

    private static String spaced(String phone) {
        return phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
    }

    /** The installer reports a machine of the customer in the form the hotline's archive receives. */
    private static void install(String serial, Map<String, String> customer, String address) {
        var installed = send(
                Service.DISPATCH,
                "POST",
                "/api/installations",
                stack.token("dispatcher-1", "DISPATCHER"),
                Map.of(
                        "serialNumber",
                        serial,
                        "model",
                        "RO-400",
                        "productLine",
                        "WATER_PURIFIER",
                        "dealerId",
                        "D-SH",
                        "installerId",
                        "T-001",
                        "installedOn",
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                        "customer",
                        customer,
                        "site",
                        Map.of("address", address, "regionCode", "310115")));
        assertThat(installed.status()).as(installed.text()).isEqualTo(201);
    }

    /** The one customer of dispatch's master with the phone. */
    private static JsonNode customerWithPhone(String phone, String token) {
        var found = send(
                Service.DISPATCH,
                "GET",
                "/api/customers?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8),
                token,
                null);
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.json().size()).as(phone).isEqualTo(1);
        return found.json().get(0);
    }

    /** The machines the hotline's caller lookup shows for a phone as the agent typed it (an agent of its own: reads of personal data are limited per user). */
    private static List<JsonNode> machinesFoundBy(String typed) {
        var lookup = send(
                Service.INTAKE,
                "GET",
                "/api/callers?phone=" + URLEncoder.encode(typed, StandardCharsets.UTF_8),
                stack.token("agent-lookup-" + UUID.randomUUID(), "AGENT"),
                null);
        assertThat(lookup.status()).as(lookup.text()).isEqualTo(200);
        return elements(lookup.json().get("machines")).toList();
    }

    private static List<String> serialsFoundBy(String typed) {
        return machinesFoundBy(typed).stream()
                .map(m -> m.get("serialNumber").asString())
                .toList();
    }

    /** Where (service → "collection _id") any of the strings occurs in a stored document. */
    private static Map<String, List<String>> holding(List<String> traces) {
        var found = new LinkedHashMap<String, List<String>>();
        for (var database : store.listDatabaseNames()) {
            for (var collection : store.getDatabase(database).listCollectionNames()) {
                for (var document :
                        store.getDatabase(database).getCollection(collection).find()) {
                    var text = document.toJson() + textInBinaries(document);
                    if (traces.stream().anyMatch(text::contains)) {
                        found.computeIfAbsent(database, d -> new ArrayList<>())
                                .add(collection + " " + document.get("_id"));
                    }
                }
            }
        }
        return found;
    }

    /** Text kept as bytes (e.g. idempotency keys' stored answers), which toJson shows only in base64. */
    private static String textInBinaries(Object value) {
        if (value instanceof org.bson.types.Binary binary) {
            return " " + new String(binary.getData(), StandardCharsets.UTF_8);
        }
        if (value instanceof Map<?, ?> map) {
            var text = new StringBuilder();
            map.values().forEach(v -> text.append(textInBinaries(v)));
            return text.toString();
        }
        if (value instanceof List<?> list) {
            var text = new StringBuilder();
            list.forEach(v -> text.append(textInBinaries(v)));
            return text.toString();
        }
        return "";
    }

    private record Response(int status, String text) {
        JsonNode json() {
            return JSON.readTree(text);
        }
    }

    private static Response send(Service service, String method, String path, String token, Object body) {
        var request = HttpRequest.newBuilder(stack.url(service).resolve(URI.create(path)))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            // as the hotline's and the apps' clients send them: the answer is kept under the key (personal data too)
            request.header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static java.util.stream.Stream<JsonNode> elements(JsonNode array) {
        return array == null ? java.util.stream.Stream.empty() : StreamSupport.stream(array.spliterator(), false);
    }
}
