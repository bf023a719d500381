package dev.aftersales.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays a hotline day against a running local stack, through the same doors and with the same
 * roles as the people who use them: agents take calls of every kind and channel (some settled by
 * phone, some repeat calls), a supervisor works the complaint procedure, technicians accept or
 * decline offers, set and move appointments (with and without notice), arrive, ask for parts and
 * complete, and return-call agents reach customers and enter surveys (some dissatisfied, which
 * reopens the case). It exists so that the dashboards show a living business.
 *
 * <p>The services hold all state; each tick reads the lists a person would see and takes one
 * step per item. Choices are drawn from a hash of the item's id, so a decision (decline, reschedule,
 * dissatisfied…) stays the same however often a tick looks at the same item.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> KINDS = List.of(
            "REPAIR",
            "INSTALLATION",
            "RELOCATION",
            "MAINTENANCE",
            "QUALITY_COMPLAINT",
            "FEE_DISPUTE",
            "SERVICE_ATTITUDE");
    private static final List<String> CHANNELS =
            List.of("HOTLINE", "HOTLINE", "HOTLINE", "DEALER", "SALESPERSON", "WEB", "CONSUMER_ASSOCIATION");
    private static final Map<String, String> SYMPTOMS = Map.of(
            "WATER_PURIFIER", "净水器漏水，出水变小",
            "AIR_CONDITIONER", "空调不制冷，外机异响",
            "EXCAVATOR", "液压无力，动臂下沉");
    private static final List<String> QUESTIONS =
            List.of("REL1", "REL2", "RES1", "RES2", "ASS1", "ASS2", "EMP1", "EMP2", "TAN1", "TAN2");

    /** At most this many cases of ours open at once: the archive has 50 machines, one open case each. */
    private static final int MAX_OPEN = 24;

    private final URI intake;
    private final URI dispatch;
    private final URI followup;
    private final URI parts;
    private final String opsToken;
    private final String agentToken;
    private final String supervisorToken;
    private final Map<String, String> technicianTokens;
    private final Duration tick;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261123);
    private final DemoArchive archive = DemoArchive.get();

    /** Our open cases: complaint id → serial number, and what the hotline still has to do about each. */
    private final Map<String, String> openCases = new LinkedHashMap<>();

    private final Set<String> answered = new HashSet<>();
    /** Machines whose case closed: some fail again soon after (a repeat failure). */
    private final List<String> recentlyFixed = new ArrayList<>();

    private final Map<String, Integer> procedureStep = new HashMap<>();
    private final Set<String> rescheduled = new HashSet<>();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private int calls;
    private volatile boolean running = true;
    private Thread thread;

    DemoTraffic(
            URI intake,
            URI dispatch,
            URI followup,
            URI parts,
            String opsToken,
            String agentToken,
            String supervisorToken,
            Map<String, String> technicianTokens,
            Duration tick) {
        this.intake = intake;
        this.dispatch = dispatch;
        this.followup = followup;
        this.parts = parts;
        this.opsToken = opsToken;
        this.agentToken = agentToken;
        this.supervisorToken = supervisorToken;
        this.technicianTokens = Map.copyOf(technicianTokens);
        this.tick = tick;
    }

    /** Starts playing against {@code stack} on a daemon thread until {@link #close}. */
    public static DemoTraffic start(LocalStack stack, Duration tick) {
        var technicians = new LinkedHashMap<String, String>();
        for (var technician : DemoArchive.get().technicians()) {
            if (technician.active()) {
                technicians.put(
                        technician.technicianId(),
                        stack.technicianToken(technician.technicianId(), technician.dealerId()));
            }
        }
        var traffic = new DemoTraffic(
                stack.url(Service.INTAKE),
                stack.url(Service.DISPATCH),
                stack.url(Service.FOLLOWUP),
                stack.url(Service.PARTS),
                stack.token("ops-demo", "OPS"),
                stack.token("agent-demo", "AGENT"),
                stack.token("supervisor-demo", "SUPERVISOR"),
                technicians,
                tick);
        traffic.thread = new Thread(traffic::run, "demo-traffic");
        traffic.thread.setDaemon(true);
        traffic.thread.start();
        return traffic;
    }

    /** Steps taken so far (each a successful HTTP call that changed something). */
    public long steps() {
        return steps.get();
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        try {
            priceStock();
        } catch (InterruptedException e) {
            return;
        } catch (RuntimeException e) {
            log("could not price the demo stock: " + e.getMessage());
        }
        log("playing hotline traffic every " + tick.toMillis() + " ms");
        var round = 0L;
        while (running) {
            try {
                tickOnce(round++);
                Thread.sleep(tick.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A service restarting or a slow answer: the next tick tries again.
                if (failures.incrementAndGet() % 50 == 1) {
                    log("a step failed (" + failures.get() + " so far): " + e.getMessage());
                }
            }
            if (round % 60 == 0) {
                log(steps.get() + " steps, " + openCases.size() + " cases open");
            }
        }
    }

    void tickOnce(long round) throws InterruptedException {
        takeCalls();
        workProcedures();
        for (var technician : technicianTokens.keySet()) {
            workAssignments(technician);
        }
        workReturnCalls();
        if (round % 3 == 0) {
            forgetClosedCases();
        }
    }

    /**
     * The demo archive's stock has no cost, so its book value would read ¥0: the dealers' stock-take
     * sets a unit cost per part, keeping the counted units as they are.
     */
    @SuppressWarnings("unchecked")
    private void priceStock() throws InterruptedException {
        var locations = archive.stock().stream()
                .map(DemoArchive.StockLine::locationId)
                .distinct()
                .toList();
        for (var location : locations) {
            if (!(get(parts, "/api/stock/" + location, opsToken) instanceof List<?> lines)) {
                continue;
            }
            var update = new ArrayList<Map<String, Object>>();
            for (var item : lines) {
                var line = (Map<String, Object>) item;
                update.add(Map.of(
                        "locationId", location,
                        "partNumber", line.get("partNumber"),
                        "onHand", line.get("onHand"),
                        "reorderPoint", line.get("reorderPoint"),
                        "unitCost", unitCost((String) line.get("partNumber"))));
            }
            put(parts, "/api/stock", opsToken, update);
        }
    }

    /** Rough list prices in yuan: filters are cheap, compressors and hydraulic pumps are not. */
    private static int unitCost(String partNumber) {
        return switch (partNumber.substring(0, partNumber.indexOf('-'))) {
            case "FLT" -> partNumber.contains("RO") ? 320 : 60;
            case "PMP", "VLV", "SW", "FCT", "SNS", "RMT" -> 90;
            case "CMP" -> 1_600;
            case "CAP", "REF" -> 150;
            case "FAN", "PCB" -> 420;
            case "HYD" -> 18_000;
            default -> 200;
        };
    }

    // ---- the hotline ----

    private void takeCalls() throws InterruptedException {
        if (openCases.size() < MAX_OPEN) {
            registerNewCase();
        }
        // One call in ten is the same customer calling again about an open case.
        if (!openCases.isEmpty() && random.nextInt(10) == 0) {
            var serial = new ArrayList<>(openCases.values()).get(random.nextInt(openCases.size()));
            var body = new LinkedHashMap<>(archive.complaint(serial, "REPAIR", "还没有人联系我"));
            // The same matter whatever the open case's kind (issue 16: another kind would open a linked case).
            body.put("matter", "SAME");
            post(intake, "/api/complaints", agentToken, body);
        }
        // Agents call most customers back soon; a few wait (the supervisor's waiting list).
        for (var complaintId : List.copyOf(openCases.keySet())) {
            if (!answered.contains(complaintId) && pick(complaintId, "answer") < 70) {
                answered.add(complaintId);
                post(intake, "/api/complaints/" + complaintId + "/answers", agentToken, Map.of("note", "已回电，预约上门"));
            }
        }
    }

    private void registerNewCase() throws InterruptedException {
        var busy = new HashSet<>(openCases.values());
        var free = archive.machines().stream()
                .filter(m -> !busy.contains(m.serialNumber()))
                .toList();
        if (free.isEmpty()) {
            return;
        }
        var again = recentlyFixed.isEmpty() || random.nextInt(4) != 0
                ? null
                : recentlyFixed.remove(random.nextInt(recentlyFixed.size()));
        var machine = free.stream()
                .filter(m -> m.serialNumber().equals(again))
                .findFirst()
                .orElse(free.get(random.nextInt(free.size())));
        var kind = KINDS.get(calls++ % KINDS.size());
        var body = new LinkedHashMap<>(
                archive.complaint(machine.serialNumber(), kind, SYMPTOMS.get(machine.productLine())));
        body.put("channel", CHANNELS.get(random.nextInt(CHANNELS.size())));
        if (kind.equals("SERVICE_ATTITUDE")) {
            // Intake requires whom a service-attitude complaint is about: here the machine's installer.
            body.put(
                    "subject",
                    machine.installerId() == null
                            ? Map.of("kind", "DEALER", "id", machine.dealerId(), "description", "服务态度差")
                            : Map.of("kind", "TECHNICIAN", "id", machine.installerId(), "description", "上门态度差"));
        }
        var byPhone = (kind.equals("MAINTENANCE") || kind.equals("SERVICE_ATTITUDE")) && random.nextInt(2) == 0;
        if (byPhone) {
            body.put("settledByPhone", true);
            body.put("phoneGuidance", "指导客户重启设备并清洗滤网");
        }
        var created = post(intake, "/api/complaints", agentToken, body);
        if (created instanceof Map<?, ?> answer && answer.get("complaintId") instanceof String complaintId) {
            openCases.put(complaintId, machine.serialNumber());
            if (kind.equals("QUALITY_COMPLAINT") || kind.equals("FEE_DISPUTE")) {
                procedureStep.put(complaintId, 0);
            }
        }
    }

    /** Quality complaints and fee disputes: propose, the supervisor approves, the customer accepts. */
    private void workProcedures() throws InterruptedException {
        for (var entry : List.copyOf(procedureStep.entrySet())) {
            var complaintId = entry.getKey();
            var path = "/api/complaints/" + complaintId + "/resolution";
            switch (entry.getValue()) {
                case 0 ->
                    post(
                            intake,
                            path,
                            agentToken,
                            Map.of(
                                    "actions",
                                    List.of(
                                            Map.of("kind", "REPAIR", "description", "免费维修"),
                                            Map.of("kind", "APOLOGY", "description", "书面致歉"))));
                case 1 -> post(intake, path + "/approval", supervisorToken, null);
                case 2 -> post(intake, path + "/acceptance", agentToken, null);
                default -> {}
            }
            if (entry.getValue() >= 2) {
                procedureStep.remove(complaintId);
            } else {
                procedureStep.put(complaintId, entry.getValue() + 1);
            }
        }
    }

    private void forgetClosedCases() throws InterruptedException {
        for (var complaintId : List.copyOf(openCases.keySet())) {
            var view = get(intake, "/api/complaints/" + complaintId, agentToken);
            if (view instanceof Map<?, ?> map && "CLOSED".equals(map.get("status"))) {
                var serial = openCases.remove(complaintId);
                if (recentlyFixed.size() < 20) {
                    recentlyFixed.add(serial);
                }
                answered.remove(complaintId);
                procedureStep.remove(complaintId);
            }
        }
    }

    // ---- the technicians' app ----

    @SuppressWarnings("unchecked")
    private void workAssignments(String technicianId) throws InterruptedException {
        var token = technicianTokens.get(technicianId);
        if (!(get(dispatch, "/api/technician/assignments", token) instanceof List<?> list)) {
            return;
        }
        for (var item : list) {
            var assignment = (Map<String, Object>) item;
            if (!"ASSIGNED".equals(assignment.get("status"))) {
                continue;
            }
            var id = (String) assignment.get("assignmentId");
            var path = "/api/technician/assignments/" + id;
            var who = id + "/" + technicianId;
            var appointment = (Map<String, Object>) assignment.get("appointment");
            var accepted = Boolean.TRUE.equals(assignment.get("accepted"));
            if (!accepted && appointment == null) {
                // The only excavator technician never declines: nobody else could take the job.
                if (!technicianId.equals("T-008") && pick(who, "decline") < 10) {
                    post(dispatch, path + "/decline", token, Map.of("reason", "FULLY_BOOKED", "note", "今天排满"));
                } else {
                    post(dispatch, path + "/acceptance", token, null);
                }
            } else if (appointment == null) {
                // One in ten first proposes a window far ahead and moves it in time (with notice).
                var start = Instant.now().plus(pick(who, "notice") < 10 ? Duration.ofHours(5) : Duration.ofMinutes(30));
                put(dispatch, path + "/appointment", token, window(start));
            } else if (!rescheduled.contains(id) && pick(who, "move") < 20) {
                // Moved: with notice if the old window is still hours away, else a broken appointment.
                rescheduled.add(id);
                put(dispatch, path + "/appointment", token, window(Instant.now().plus(Duration.ofMinutes(20))));
            } else if (assignment.get("arrivedAt") == null) {
                post(dispatch, path + "/arrival", token, null);
            } else {
                var parts = (List<Map<String, Object>>) assignment.get("parts");
                if ((parts == null || parts.isEmpty()) && pick(id, "parts") < 45) {
                    post(dispatch, path + "/parts-requests", token, Map.of("partNumber", partFor(id), "quantity", 1));
                } else if (parts == null || parts.stream().noneMatch(p -> "REQUESTED".equals(p.get("status")))) {
                    complete(path, token, id, parts);
                }
            }
        }
    }

    private void complete(String path, String token, String id, List<Map<String, Object>> parts)
            throws InterruptedException {
        var used = new ArrayList<Map<String, Object>>();
        if (parts != null) {
            for (var part : parts) {
                if ("RESERVED".equals(part.get("status"))) {
                    used.add(Map.of("partNumber", part.get("partNumber"), "quantity", part.get("quantity")));
                }
            }
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("diagnosis", used.isEmpty() ? "调试后恢复正常" : "更换故障部件");
        body.put("rootCause", used.isEmpty() ? "USAGE" : "WEAR");
        body.put("partsUsed", used);
        body.put("feeCharged", 0);
        body.put("fixed", pick(id, "fixed") >= 10);
        post(dispatch, path + "/completion", token, body);
    }

    private String partFor(String assignmentId) {
        var complaintId = assignmentId.replaceFirst("^ASG-", "").replaceFirst("-R\\d+$", "");
        var serial = openCases.getOrDefault(complaintId, "WP");
        var line =
                serial.startsWith("AC") ? "AIR_CONDITIONER" : serial.startsWith("EX") ? "EXCAVATOR" : "WATER_PURIFIER";
        var parts = archive.parts().stream()
                .filter(p -> p.productLine().equals(line))
                .toList();
        return parts.get(pick(assignmentId, "part") % parts.size()).partNumber();
    }

    private static Map<String, Object> window(Instant start) {
        return Map.of(
                "windowStart",
                start.toString(),
                "windowEnd",
                start.plus(Duration.ofHours(2)).toString());
    }

    // ---- return calls and surveys ----

    @SuppressWarnings("unchecked")
    private void workReturnCalls() throws InterruptedException {
        // The demo does not wait two days: calls scheduled for later are made now.
        if (!(get(followup, "/api/return-calls/due?within=" + encode("P3D"), agentToken) instanceof List<?> due)) {
            return;
        }
        for (var item : due) {
            var call = (Map<String, Object>) item;
            var id = (String) call.get("returnCallId");
            var attempts = call.get("attempts") instanceof Number n ? n.intValue() : 0;
            var path = "/api/return-calls/" + id;
            if (attempts == 0 && pick(id, "wrong-number") < 6) {
                post(followup, path + "/attempts", agentToken, Map.of("outcome", "WRONG_NUMBER"));
                continue;
            }
            if (attempts == 0 && pick(id, "no-answer") < 15) {
                post(followup, path + "/attempts", agentToken, Map.of("outcome", "NO_ANSWER"));
                continue;
            }
            if (post(followup, path + "/attempts", agentToken, Map.of("outcome", "REACHED")) == null) {
                continue;
            }
            var dissatisfied = pick(id, "dissatisfied") < 20;
            var answers = new ArrayList<Map<String, Object>>();
            for (var question : QUESTIONS) {
                var expectation = 6 + pick(id + question, "e") % 2;
                var perception = dissatisfied ? 2 + pick(id + question, "p") % 3 : 5 + pick(id + question, "p") % 3;
                answers.add(Map.of("questionId", question, "expectation", expectation, "perception", perception));
            }
            var survey = new LinkedHashMap<String, Object>();
            survey.put("questionnaireId", "servqual-zh-v1");
            survey.put("answers", answers);
            survey.put("solved", !dissatisfied || pick(id, "solved") < 50);
            survey.put("satisfaction", dissatisfied ? 1 + pick(id, "s") % 2 : 4 + pick(id, "s") % 2);
            post(followup, path + "/survey", agentToken, survey);
        }
    }

    // ---- HTTP ----

    /** A number 0–99 fixed for this id and question. */
    private static int pick(String id, String question) {
        return Math.floorMod((id + "#" + question).hashCode() * 31 + 7, 100);
    }

    private Object get(URI base, String path, String token) throws InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), token, false);
    }

    private Object post(URI base, String path, String token, Object body) throws InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(publisher(body)), token, true);
    }

    private Object put(URI base, String path, String token, Object body) throws InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).PUT(publisher(body)), token, true);
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        return body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    }

    /**
     * The parsed answer of a 2xx, else null. A 409 (someone was quicker, the state moved on) is
     * normal for a tick working from a list read a moment ago.
     */
    private Object send(HttpRequest.Builder request, String token, boolean change) throws InterruptedException {
        var built = request.timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri().getPath() + ": " + e, e);
        }
        if (response.statusCode() / 100 != 2) {
            if (response.statusCode() != 409 && failures.incrementAndGet() % 50 == 1) {
                log(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode() + " ("
                        + failures.get() + " failures so far)");
            }
            return null;
        }
        if (change) {
            steps.incrementAndGet();
        }
        var bytes = response.body();
        return bytes.length == 0 ? Map.of() : JSON.readValue(bytes, Object.class);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void log(String message) {
        System.out.println("[demo-traffic] " + message);
    }
}
