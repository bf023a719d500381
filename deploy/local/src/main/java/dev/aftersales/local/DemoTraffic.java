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
 * reopens the case, and a few never satisfied, which escalates it). Installers record new machines,
 * the office corrects an address, one part is out of stock everywhere until the factory delivers, large
 * requests are sent between dealers who confirm shipment and receipt. It exists so that the dashboards
 * show a living business, and so that every event a service declares it handles is handled.
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
    /** The kinds a supervisor handles through the complaint procedure. */
    private static final Set<String> PROCEDURE_KINDS = Set.of("QUALITY_COMPLAINT", "FEE_DISPUTE", "SERVICE_ATTITUDE");

    private static final java.time.ZoneId BUSINESS_ZONE = java.time.ZoneId.of("Asia/Shanghai");
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
    private final String dispatcherToken;
    private final Map<String, String> technicianTokens;
    private final Map<String, String> dealerTokens;
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
    /** The kind of each open case: a repeat call is about the same matter. */
    private final Map<String, String> caseKinds = new HashMap<>();

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
            String dispatcherToken,
            Map<String, String> technicianTokens,
            Map<String, String> dealerTokens,
            Duration tick) {
        this.intake = intake;
        this.dispatch = dispatch;
        this.followup = followup;
        this.parts = parts;
        this.opsToken = opsToken;
        this.agentToken = agentToken;
        this.supervisorToken = supervisorToken;
        this.dispatcherToken = dispatcherToken;
        this.technicianTokens = Map.copyOf(technicianTokens);
        this.dealerTokens = Map.copyOf(dealerTokens);
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
        var dealers = new LinkedHashMap<String, String>();
        for (var dealer : DemoArchive.get().dealers()) {
            dealers.put(
                    dealer.dealerId(),
                    stack.token(
                            "dealer-" + dealer.dealerId(), List.of("DEALER"), Map.of("dealer_id", dealer.dealerId())));
        }
        var traffic = new DemoTraffic(
                stack.url(Service.INTAKE),
                stack.url(Service.DISPATCH),
                stack.url(Service.FOLLOWUP),
                stack.url(Service.PARTS),
                stack.token("ops-demo", "OPS"),
                stack.token("agent-demo", "AGENT"),
                stack.token("supervisor-demo", "SUPERVISOR"),
                stack.token("dispatcher-demo", "DISPATCHER"),
                technicians,
                dealers,
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
        // Every other tick: the list reads personal data, at most 60 times a minute per agent.
        if (round % 2 == 0) {
            workReturnCalls();
        }
        if (round % 3 == 0) {
            forgetClosedCases();
        }
        if (round % 20 == 7) {
            recordInstallation(round);
        }
        if (round % 30 == 11) {
            correctAnAddress(round);
        }
        if (round % 40 == 39) {
            deliverStock();
        }
        if (round % 25 == 13) {
            requestInstallation(round);
        }
        if (round % 10 == 5) {
            handEscalationsOver();
        }
        if (round % 45 == 22) {
            promoteAnAccount(round);
        }
    }

    /**
     * A sales manager makes one more ordinary customer a MEDIUM account now and then. Silent since their
     * installation, they are owed a care call at once: care tasks keep appearing while the demo plays
     * (the accounts tiered at load got theirs before anyone watched), at any clock speed.
     */
    private void promoteAnAccount(long round) throws InterruptedException {
        var customers = archive.customers();
        var tiered = archive.customerTiers();
        var ordinary = customers.stream()
                .map(DemoArchive.Customer::customerId)
                .filter(id -> !tiered.containsKey(id))
                .toList();
        var next = (int) (round / 45);
        if (next < ordinary.size()) {
            put(dispatch, "/api/customers/" + ordinary.get(next), supervisorToken, Map.of("tier", "MEDIUM"));
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
                var partNumber = (String) line.get("partNumber");
                update.add(Map.of(
                        "locationId",
                        location,
                        "partNumber",
                        partNumber,
                        "onHand",
                        partNumber.equals(scarcePart()) ? 0 : line.get("onHand"),
                        "reorderPoint",
                        line.get("reorderPoint"),
                        "unitCost",
                        unitCost(partNumber)));
            }
            put(parts, "/api/stock", opsToken, update);
        }
    }

    /** A part out of stock everywhere, factory included, until the factory delivers a few: backorders. */
    private String scarcePart() {
        return archive.parts().stream()
                .filter(p -> p.productLine().equals("WATER_PURIFIER"))
                .reduce((first, second) -> second)
                .orElseThrow()
                .partNumber();
    }

    /**
     * The factory delivers: dealers' lines below their reorder point are filled up, and while
     * backorders wait a few units of the scarce part reach the factory warehouse, which serves the
     * oldest, most urgent of them. Only while they wait: units delivered ahead of demand would serve the
     * next scarce requests from the shelf, and a stretch of demo traffic would show no backorder at all.
     */
    @SuppressWarnings("unchecked")
    private void deliverStock() throws InterruptedException {
        var scarceDelivered = backordersWaiting() ? 3 : 0;
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
                var partNumber = (String) line.get("partNumber");
                var onHand = ((Number) line.get("onHand")).intValue();
                var reorderPoint = ((Number) line.get("reorderPoint")).intValue();
                var delivered = partNumber.equals(scarcePart())
                        ? (location.equals(DemoArchive.FACTORY) ? onHand + scarceDelivered : onHand)
                        : (onHand < reorderPoint ? reorderPoint + 12 : onHand);
                if (delivered != onHand) {
                    update.add(Map.of(
                            "locationId", location,
                            "partNumber", partNumber,
                            "onHand", delivered,
                            "reorderPoint", reorderPoint,
                            "unitCost", unitCost(partNumber)));
                }
            }
            if (!update.isEmpty()) {
                put(parts, "/api/stock", opsToken, update);
            }
        }
    }

    /** Whether any dealer has a backorder still waiting, by the operations report of backorders. */
    @SuppressWarnings("unchecked")
    private boolean backordersWaiting() throws InterruptedException {
        return get(parts, "/api/reports/backorders", opsToken) instanceof Map<?, ?> report
                && report.get("dealers") instanceof List<?> dealers
                && dealers.stream()
                        .map(row -> ((Map<String, Object>) row).get("waiting"))
                        .anyMatch(waiting -> waiting instanceof Number n && n.intValue() > 0);
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
            var complaintId = new ArrayList<>(openCases.keySet()).get(random.nextInt(openCases.size()));
            var serial = openCases.get(complaintId);
            if (!serial.startsWith("NEW-")) {
                var body = new LinkedHashMap<>(
                        archive.complaint(serial, caseKinds.getOrDefault(complaintId, "REPAIR"), "还没有人联系我"));
                body.put("matter", "SAME");
                body.put("relatedComplaintId", complaintId);
                post(intake, "/api/complaints", agentToken, body);
            }
        }
        // Agents call most customers back soon; a few wait (the supervisor's waiting list).
        for (var complaintId : List.copyOf(openCases.keySet())) {
            if (!answered.contains(complaintId) && pick(complaintId, "answer") < 70) {
                answered.add(complaintId);
                post(intake, "/api/complaints/" + complaintId + "/answers", agentToken, Map.of("note", "已回电，预约上门"));
                // Now and then the call-back itself fixes it: the technician already sent is withdrawn.
                if (pick(complaintId, "phone-fix") < 8 && "REPAIR".equals(caseKinds.get(complaintId))) {
                    post(
                            intake,
                            "/api/complaints/" + complaintId + "/phone-resolution",
                            agentToken,
                            Map.of("guidance", "回电时指导客户复位漏水保护"));
                }
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
            opened(complaintId, machine.serialNumber(), kind);
            if (!byPhone && PROCEDURE_KINDS.contains(kind)) {
                procedureStep.put(complaintId, 0);
            }
        }
    }

    /** A case of ours: some customers call a third time (a supervisor raises the priority), some get a gift. */
    private void opened(String complaintId, String serial, String kind) throws InterruptedException {
        openCases.put(complaintId, serial);
        caseKinds.put(complaintId, kind);
        if (pick(complaintId, "urgent") < 5) {
            post(
                    intake,
                    "/api/complaints/" + complaintId + "/priority",
                    supervisorToken,
                    Map.of("priority", "HIGH", "reason", "客户第三次来电，情绪激动"));
        }
        var goodwill = pick(complaintId, "goodwill");
        if (goodwill < 8) {
            var gift = Map.of("kind", "GIFT", "amount", goodwill < 2 ? 500 : 50, "reason", "等待时间长，赠送滤芯一支");
            // Above the agent's limit the supervisor records it.
            if (post(intake, "/api/complaints/" + complaintId + "/goodwill", agentToken, gift) == null) {
                post(intake, "/api/complaints/" + complaintId + "/goodwill", supervisorToken, gift);
            }
        }
    }

    /** A customer who bought a machine calls to have it installed; the serial is on the box, not yet known. */
    private void requestInstallation(long round) throws InterruptedException {
        var like =
                archive.machines().get((int) (round / 25) % archive.machines().size());
        if (like.productLine().equals("EXCAVATOR") || openCases.size() >= MAX_OPEN) {
            return;
        }
        var body = new LinkedHashMap<>(archive.complaint(like.serialNumber(), "INSTALLATION", "新买的机器，请上门安装"));
        body.put("machine", Map.of());
        body.put(
                "installation",
                Map.of(
                        "model", like.model(),
                        "productLine", like.productLine(),
                        "purchasedOn",
                                java.time.LocalDate.ofInstant(now(), BUSINESS_ZONE)
                                        .minusDays(1)
                                        .toString(),
                        "sellingDealerId", like.dealerId()));
        var created = post(intake, "/api/complaints", agentToken, body);
        if (created instanceof Map<?, ?> answer && answer.get("complaintId") instanceof String complaintId) {
            opened(complaintId, "NEW-" + complaintId, "INSTALLATION");
        }
    }

    /**
     * Complaints, fee disputes and service-attitude complaints: propose, the supervisor approves, the
     * customer accepts; then the actions are carried out by their owners (a refund or an apology by the
     * agent, goods shipped by the dealer and received by the customer, a revisit by a technician) until
     * the return call decides.
     */
    private void workProcedures() throws InterruptedException {
        for (var entry : List.copyOf(procedureStep.entrySet())) {
            var complaintId = entry.getKey();
            var path = "/api/complaints/" + complaintId + "/resolution";
            switch (entry.getValue()) {
                case 0 -> post(intake, path, agentToken, Map.of("actions", actionsFor(complaintId)));
                case 1 -> post(intake, path + "/approval", supervisorToken, null);
                case 2 -> post(intake, path + "/acceptance", agentToken, null);
                default -> carryOut(complaintId);
            }
            procedureStep.put(complaintId, Math.min(entry.getValue() + 1, 3));
        }
    }

    private List<Map<String, Object>> actionsFor(String complaintId) {
        var apology = Map.<String, Object>of("kind", "APOLOGY", "description", "主管致电道歉");
        return switch (caseKinds.getOrDefault(complaintId, "QUALITY_COMPLAINT")) {
            case "FEE_DISPUTE" ->
                List.of(Map.of("kind", "FEE_REFUND", "description", "退还多收的上门费", "amount", 50), apology);
            case "SERVICE_ATTITUDE" -> List.of(Map.of("kind", "REVISIT", "description", "换一位师傅上门复查"), apology);
            default -> {
                // A faulty batch: the same consumable replaced, now and then one nobody has in stock.
                var item = pick(complaintId, "scarce") < 35 ? scarcePart() : partFor("ASG-" + complaintId);
                yield List.of(
                        Map.of("kind", "REPLACEMENT", "description", "更换同批次滤芯", "itemNumber", item, "quantity", 1),
                        apology);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private void carryOut(String complaintId) throws InterruptedException {
        if (!(get(intake, "/api/complaints/" + complaintId, agentToken) instanceof Map<?, ?> view)
                || !(view.get("resolution") instanceof Map<?, ?> resolution)
                || resolution.get("acceptedAt") == null
                || !(resolution.get("actions") instanceof List<?> actions)) {
            return;
        }
        var progress = new HashMap<String, Map<String, Object>>();
        if (resolution.get("progress") instanceof List<?> steps) {
            for (var step : steps) {
                var map = (Map<String, Object>) step;
                progress.put((String) map.get("actionId"), map);
            }
        }
        for (var item : actions) {
            var action = (Map<String, Object>) item;
            var actionId = (String) action.get("actionId");
            var done = progress.getOrDefault(actionId, Map.of());
            if (done.get("doneAt") != null) {
                continue;
            }
            var actionPath = "/api/complaints/" + complaintId + "/resolution/actions/" + actionId;
            switch ((String) action.get("kind")) {
                case "REVISIT", "REPAIR" -> {} // a technician's visit marks it done
                case "REPLACEMENT", "FREE_GOODS" -> {
                    if (done.get("shippedAt") == null) {
                        // The dealer holding the goods ships them; goods held at the factory are the office's.
                        var shipped = "/api/replacements/" + complaintId + "/" + actionId + "/shipped";
                        var waybill = Map.of("waybill", "SF" + Math.abs(actionId.hashCode()));
                        var dealer = (String) action.get("ownerDealerId");
                        if (dealer == null
                                || !dealerTokens.containsKey(dealer)
                                || post(parts, shipped, dealerTokens.get(dealer), waybill) == null) {
                            post(parts, shipped, opsToken, waybill);
                        }
                    } else {
                        post(intake, actionPath + "/receipt", agentToken, Map.of("note", "客户已签收"));
                    }
                }
                default ->
                    post(intake, actionPath + "/done", agentToken, Map.of("evidenceReference", "回访录音 " + actionId));
            }
        }
    }

    private void forgetClosedCases() throws InterruptedException {
        for (var complaintId : List.copyOf(openCases.keySet())) {
            var view = get(intake, "/api/complaints/" + complaintId, agentToken);
            if (view instanceof Map<?, ?> map
                    && ("CLOSED".equals(map.get("status")) || "CANCELLED".equals(map.get("status")))) {
                var serial = openCases.remove(complaintId);
                if (recentlyFixed.size() < 20 && !serial.startsWith("NEW-")) {
                    recentlyFixed.add(serial);
                }
                answered.remove(complaintId);
                procedureStep.remove(complaintId);
                caseKinds.remove(complaintId);
            }
        }
    }

    /**
     * The dispatcher's hands: a case the chain could not place goes to a technician of the machine's
     * dealer whom the dispatcher chooses, or to the nearest service point.
     */
    @SuppressWarnings("unchecked")
    private void handEscalationsOver() throws InterruptedException {
        // the oldest 200 waiting: the list is paged ({"items": [...], "next": cursor}), the rest waits for the next
        // round
        if (!(get(dispatch, "/api/assignments?status=ESCALATED&limit=200", dispatcherToken) instanceof Map<?, ?> page
                && page.get("items") instanceof List<?> escalated)) {
            return;
        }
        for (var item : escalated) {
            var assignment = (Map<String, Object>) item;
            var id = (String) assignment.get("assignmentId");
            var chosen = archive.technicians().stream()
                    .filter(t -> t.active() && t.dealerId().equals(assignment.get("dealerId")))
                    .findFirst();
            if (chosen.isPresent()) {
                post(
                        dispatch,
                        "/api/assignments/" + id + "/manual-assignment",
                        dispatcherToken,
                        Map.of("technicianId", chosen.get().technicianId(), "note", "调度指派，客户同意改约"));
            } else {
                post(dispatch, "/api/assignments/" + id + "/chain-rerun", dispatcherToken, null);
            }
        }
    }

    // ---- the archive ----

    /** An installer records a machine just installed for a new customer: the hotline can find it at once. */
    private void recordInstallation(long round) throws InterruptedException {
        var installers = archive.technicians().stream()
                .filter(t -> t.active() && technicianTokens.containsKey(t.technicianId()))
                .toList();
        var installer = installers.get((int) (round / 20) % installers.size());
        var line = installer.productLines().get(0);
        var like = archive.machines().stream()
                .filter(m -> m.productLine().equals(line))
                .findFirst()
                .orElseThrow();
        var neighbour = archive.customer(like.customerId());
        // Unique across restarts of the same data folder: a repeat would only answer 409.
        var number = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L);
        var serial = like.serialNumber().substring(0, 2) + "-N" + number;
        var body = new LinkedHashMap<String, Object>();
        body.put("serialNumber", serial);
        body.put("model", like.model());
        body.put("productLine", line);
        body.put("dealerId", installer.dealerId());
        body.put("customer", Map.of("name", "新客户" + number.substring(number.length() - 3), "phone", "139" + number));
        body.put("site", Map.of("address", neighbour.address() + "旁", "regionCode", neighbour.regionCode()));
        post(dispatch, "/api/installations", technicianTokens.get(installer.technicianId()), body);
    }

    /** The office corrects a house number it got wrong, and back again later: the archive keeps both. */
    private void correctAnAddress(long round) throws InterruptedException {
        var machine =
                archive.machines().get((int) (round / 30) % archive.machines().size());
        var customer = archive.customer(machine.customerId());
        var address = round / 30 % 2 == 0 ? customer.address() + "（更正门牌号）" : customer.address();
        post(
                dispatch,
                "/api/installations/" + machine.serialNumber() + "/corrections",
                dispatcherToken,
                Map.of("reason", "客户来电更正地址", "site", Map.of("address", address, "regionCode", customer.regionCode())));
    }

    // ---- the technicians' app ----

    @SuppressWarnings("unchecked")
    private void workAssignments(String technicianId) throws InterruptedException {
        var token = technicianTokens.get(technicianId);
        // the newest 200 of his: the list is paged, newest first
        if (!(get(dispatch, "/api/technician/assignments?limit=200", token) instanceof Map<?, ?> page
                && page.get("items") instanceof List<?> list)) {
            return;
        }
        for (var item : list) {
            var assignment = (Map<String, Object>) item;
            var id = (String) assignment.get("assignmentId");
            var path = "/api/technician/assignments/" + id;
            if (assignment.get("withdrawal") != null) {
                // Cancelled while he was on site: he acknowledges, and the door-fee rule is applied.
                post(dispatch, path + "/withdrawal-acknowledgement", token, null);
                continue;
            }
            if (!"ASSIGNED".equals(assignment.get("status"))) {
                continue;
            }
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
                var start = now().plus(pick(who, "notice") < 10 ? Duration.ofHours(5) : Duration.ofMinutes(30));
                put(dispatch, path + "/appointment", token, window(start));
            } else if (!rescheduled.contains(id) && pick(who, "move") < 20) {
                // Moved: with notice if the old window is still hours away, else a broken appointment.
                rescheduled.add(id);
                put(dispatch, path + "/appointment", token, window(now().plus(Duration.ofMinutes(20))));
            } else if (assignment.get("arrivedAt") == null) {
                // Some quote the fee before they go (free in warranty, door fee and labour after it).
                if (assignment.get("quote") == null && pick(who, "quote") < 40) {
                    post(dispatch, path + "/quote", token, Map.of("parts", List.of()));
                } else {
                    post(dispatch, path + "/arrival", token, null);
                }
            } else {
                var parts = (List<Map<String, Object>>) assignment.get("parts");
                if ((parts == null || parts.isEmpty()) && pick(id, "parts") < 45) {
                    // A few need a part out of stock everywhere, a few a whole box (more than their dealer has).
                    var need = pick(id, "need");
                    var partNumber = need < 12
                                    && !openCases
                                            .getOrDefault(complaintOf(id), "WP")
                                            .startsWith("EX")
                            ? scarcePart()
                            : partFor(id);
                    post(
                            dispatch,
                            path + "/parts-requests",
                            token,
                            Map.of("partNumber", partNumber, "quantity", need >= 12 && need < 24 ? 20 : 1));
                } else if (parts != null && parts.stream().anyMatch(p -> "BACKORDERED".equals(p.get("status")))) {
                    continue; // the visit waits for the part
                } else if (parts != null
                        && !parts.isEmpty()
                        && pick(id, "cancel") < 15
                        && openCases.containsKey(complaintOf(id))) {
                    // The customer had it repaired elsewhere: the agent cancels, the part goes back on the shelf.
                    post(
                            intake,
                            "/api/complaints/" + complaintOf(id) + "/cancellation",
                            agentToken,
                            Map.of("reason", "CUSTOMER_CANCELLED", "note", "客户已自行找人维修"));
                } else if (parts == null || parts.stream().noneMatch(p -> "REQUESTED".equals(p.get("status")))) {
                    moveTransfers(technicianId, parts);
                    complete(path, token, assignment, parts);
                }
            }
        }
    }

    /**
     * Units held at another dealer travel to the technician's dealer: the sending dealer confirms
     * shipment, the receiving one receipt ({@code TR-<requestId>}, or per sending dealer when split).
     */
    private void moveTransfers(String technicianId, List<Map<String, Object>> held) throws InterruptedException {
        var home = archive.technician(technicianId).dealerId();
        for (var part : held == null ? List.<Map<String, Object>>of() : held) {
            var from = (String) part.get("locationId");
            if (!"RESERVED".equals(part.get("status")) || from == null || from.equals(home)) {
                continue;
            }
            // A dealer ships its own units; the factory's warehouse is the office's.
            var sender = from.equals(DemoArchive.FACTORY) ? opsToken : dealerTokens.get(from);
            if (sender == null) {
                continue;
            }
            for (var transferId : List.of("TR-" + part.get("requestId"), "TR-" + part.get("requestId") + "-" + from)) {
                if (post(parts, "/api/transfers/" + transferId + "/shipped", sender, null) != null) {
                    post(parts, "/api/transfers/" + transferId + "/received", dealerTokens.get(home), null);
                    break;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void complete(String path, String token, Map<String, Object> assignment, List<Map<String, Object>> parts)
            throws InterruptedException {
        var id = (String) assignment.get("assignmentId");
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
        var site =
                assignment.get("site") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.<String, Object>of();
        var address = String.valueOf(site.getOrDefault("address", "上海市浦东新区张江路88号"));
        var regionCode = String.valueOf(site.getOrDefault("regionCode", "310115"));
        if (assignment.get("installation") instanceof Map<?, ?> installation) {
            // A new machine: its real serial is on the box.
            var line = String.valueOf(installation.get("productLine"));
            body.put(
                    "installed",
                    Map.of(
                            "serialNumber", (line.startsWith("AIR") ? "AC" : "WP") + "-I" + Math.abs(id.hashCode()),
                            "model", installation.get("model"),
                            "productLine", line,
                            "installedOn",
                                    java.time.LocalDate.ofInstant(now(), BUSINESS_ZONE)
                                            .toString(),
                            "site", Map.of("address", address, "regionCode", regionCode)));
        } else if ("RELOCATION".equals(assignment.get("kind"))) {
            body.put("relocatedTo", Map.of("address", address + "（新居）", "regionCode", regionCode));
        }
        post(dispatch, path + "/completion", token, body);
    }

    private static String complaintOf(String assignmentId) {
        return assignmentId.replaceFirst("^ASG-", "").replaceFirst("-R\\d+$", "");
    }

    private String partFor(String assignmentId) {
        var serial = openCases.getOrDefault(complaintOf(assignmentId), "WP");
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
        // the 200 scheduled earliest of the demo agent's and the untried: the list is paged, the rest waits
        // for the next round
        if (!(get(followup, "/api/return-calls/due?limit=200&within=" + encode("P3D"), agentToken)
                        instanceof Map<?, ?> page
                && page.get("items") instanceof List<?> due)) {
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
            // One customer in thirty is never satisfied: after the last round a supervisor takes over.
            var dissatisfied =
                    pick(id, "dissatisfied") < 20 || pick(String.valueOf(call.get("complaintId")), "hard") < 10;
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
        response.headers().firstValue("Aftersales-Clock").ifPresent(this::followClock);
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

    /** Wall time minus platform time, as the services' last answer said ({@code Aftersales-Clock}). */
    private volatile Duration platformOffset = Duration.ZERO;

    /** The platform time (issue 14): appointments and dates are set in it, however far the clock was advanced. */
    private Instant now() {
        return Instant.now().plus(platformOffset);
    }

    private void followClock(String header) {
        // "platform 2026-12-30T10:00:00Z (+30d)"
        var parts = header.split(" ");
        if (parts.length >= 2 && parts[0].equals("platform")) {
            try {
                platformOffset = Duration.between(Instant.now(), Instant.parse(parts[1]));
            } catch (java.time.format.DateTimeParseException e) {
                // an unknown format: keep the last offset
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void log(String message) {
        System.out.println("[demo-traffic] " + message);
    }
}
