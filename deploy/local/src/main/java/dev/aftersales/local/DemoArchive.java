package dev.aftersales.local;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo archive of the local stack: dealers, their installers, customers with their machines and
 * installation records, and spare-part stock. Generated the same way every time, so a serial number
 * or a technician id in the README or a test always means the same thing.
 *
 * <p>Shape: four dealers (three household-appliance dealers in 上海, 北京 and 广州, one construction
 * machinery dealer in 成都), eight technicians of whom one has left (T-003, so his machines go to a
 * colleague), 50 customers each with one machine (water purifiers, air conditioners, two excavators),
 * 20 part numbers stocked at every dealer and at the {@value #FACTORY} warehouse.
 */
public final class DemoArchive {

    public static final String FACTORY = "FACTORY";
    public static final String WATER_PURIFIER = "WATER_PURIFIER";
    public static final String AIR_CONDITIONER = "AIR_CONDITIONER";
    public static final String EXCAVATOR = "EXCAVATOR";

    public record Dealer(String dealerId, String name, String regionCode) {}

    public record Technician(
            String technicianId, String name, String dealerId, boolean active, List<String> productLines) {}

    public record Customer(String customerId, String name, String phone, String address, String regionCode) {}

    /** A machine and its installation record: who installed it, for which dealer, when, where. */
    public record Machine(
            String serialNumber,
            String model,
            String spec,
            String productLine,
            LocalDate productionDate,
            String batchNumber,
            LocalDate purchasedOn,
            LocalDate installedOn,
            String customerId,
            String dealerId,
            String installerId) {}

    public record Part(String partNumber, String name, String productLine) {}

    public record StockLine(String locationId, String partNumber, int onHand, int reorderPoint) {}

    private record District(String city, String district, String regionCode, List<String> streets) {}

    private record Model(String model, String spec, String productLine) {}

    private static final List<Dealer> DEALERS = List.of(
            new Dealer("D-SH", "上海浦东经销商", "310115"),
            new Dealer("D-BJ", "北京朝阳经销商", "110105"),
            new Dealer("D-GZ", "广州天河经销商", "440106"),
            new Dealer("D-CD", "成都工程机械经销商", "510107"));

    private static final List<String> HOUSEHOLD = List.of(WATER_PURIFIER, AIR_CONDITIONER);

    private static final List<Technician> TECHNICIANS = List.of(
            new Technician("T-001", "李建国", "D-SH", true, HOUSEHOLD),
            new Technician("T-002", "王志强", "D-SH", true, HOUSEHOLD),
            // Has left the dealer: complaints about the machines he installed go to a colleague.
            new Technician("T-003", "张德明", "D-SH", false, HOUSEHOLD),
            new Technician("T-004", "刘海涛", "D-BJ", true, HOUSEHOLD),
            new Technician("T-005", "陈永刚", "D-BJ", true, HOUSEHOLD),
            new Technician("T-006", "杨伟", "D-GZ", true, HOUSEHOLD),
            new Technician("T-007", "赵国庆", "D-GZ", true, HOUSEHOLD),
            new Technician("T-008", "黄振华", "D-CD", true, List.of(EXCAVATOR)));

    private static final Map<String, List<District>> DISTRICTS = Map.of(
            "D-SH",
            List.of(
                    new District("上海市", "浦东新区", "310115", List.of("张江路", "世纪大道", "花木路", "金桥路")),
                    new District("上海市", "徐汇区", "310104", List.of("漕溪北路", "虹桥路")),
                    new District("上海市", "闵行区", "310112", List.of("七莘路", "沪闵路"))),
            "D-BJ",
            List.of(
                    new District("北京市", "朝阳区", "110105", List.of("建国路", "望京街", "朝阳北路")),
                    new District("北京市", "海淀区", "110108", List.of("中关村大街", "学院路"))),
            "D-GZ",
            List.of(
                    new District("广州市", "天河区", "440106", List.of("天河路", "体育西路", "中山大道")),
                    new District("广州市", "越秀区", "440104", List.of("环市东路", "北京路"))),
            "D-CD",
            List.of(
                    new District("成都市", "武侯区", "510107", List.of("武侯大道")),
                    new District("成都市", "双流区", "510116", List.of("航空港大道"))));

    private static final List<Model> WATER_PURIFIER_MODELS =
            List.of(new Model("RO-400", "400G", WATER_PURIFIER), new Model("RO-600", "600G", WATER_PURIFIER));
    private static final List<Model> AIR_CONDITIONER_MODELS =
            List.of(new Model("KFR-35GW", "1.5匹 挂机", AIR_CONDITIONER), new Model("KFR-72LW", "3匹 柜机", AIR_CONDITIONER));
    private static final List<Model> EXCAVATOR_MODELS =
            List.of(new Model("SY75C", "7.5吨", EXCAVATOR), new Model("SY215C", "21.5吨", EXCAVATOR));

    private static final List<String> SURNAMES =
            List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗");
    private static final List<String> GIVEN_NAMES = List.of(
            "芳", "伟", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞");
    private static final List<String> MOBILE_PREFIXES = List.of(
            "138", "139", "136", "137", "135", "158", "159", "186", "187", "188", "150", "151", "152", "130", "131",
            "132", "155", "156", "185", "133");
    private static final List<String> COMPANIES = List.of("四川蜀道路桥工程有限公司", "成都锦程土石方工程有限公司");

    private static final List<Part> PARTS = List.of(
            new Part("FLT-PP-01", "PP棉滤芯", WATER_PURIFIER),
            new Part("FLT-CTO-01", "压缩活性炭滤芯", WATER_PURIFIER),
            new Part("FLT-RO-01", "RO反渗透膜", WATER_PURIFIER),
            new Part("FLT-T33-01", "T33后置活性炭", WATER_PURIFIER),
            new Part("PMP-BST-01", "增压泵", WATER_PURIFIER),
            new Part("VLV-INL-01", "进水电磁阀", WATER_PURIFIER),
            new Part("SW-HP-01", "高压开关", WATER_PURIFIER),
            new Part("FCT-WP-01", "纯水龙头", WATER_PURIFIER),
            new Part("CMP-35-01", "压缩机 35机型", AIR_CONDITIONER),
            new Part("CAP-35-01", "压缩机启动电容", AIR_CONDITIONER),
            new Part("FAN-IN-01", "室内风机", AIR_CONDITIONER),
            new Part("FAN-OUT-01", "室外风机", AIR_CONDITIONER),
            new Part("PCB-AC-01", "室内机主板", AIR_CONDITIONER),
            new Part("SNS-TMP-01", "管温传感器", AIR_CONDITIONER),
            new Part("RMT-AC-01", "遥控器", AIR_CONDITIONER),
            new Part("REF-R32-01", "R32冷媒 3kg", AIR_CONDITIONER),
            new Part("HYD-PMP-01", "液压主泵", EXCAVATOR),
            new Part("FLT-HYD-01", "液压油滤芯", EXCAVATOR),
            new Part("FLT-ENG-01", "机油滤芯", EXCAVATOR),
            new Part("TTH-BKT-01", "斗齿", EXCAVATOR));

    /** Customers per dealer, in order: 上海 18, 北京 15, 广州 15, 成都 2 (companies with excavators). */
    private static final Map<String, Integer> CUSTOMERS_PER_DEALER =
            orderedMap("D-SH", 18, "D-BJ", 15, "D-GZ", 15, "D-CD", 2);

    private static final DemoArchive INSTANCE = generate();

    private final List<Customer> customers;
    private final List<Machine> machines;
    private final List<StockLine> stock;

    private DemoArchive(List<Customer> customers, List<Machine> machines, List<StockLine> stock) {
        this.customers = List.copyOf(customers);
        this.machines = List.copyOf(machines);
        this.stock = List.copyOf(stock);
    }

    public static DemoArchive get() {
        return INSTANCE;
    }

    public List<Dealer> dealers() {
        return DEALERS;
    }

    public List<Technician> technicians() {
        return TECHNICIANS;
    }

    public List<Customer> customers() {
        return customers;
    }

    public List<Machine> machines() {
        return machines;
    }

    public List<Part> parts() {
        return PARTS;
    }

    public List<StockLine> stock() {
        return stock;
    }

    public Machine machine(String serialNumber) {
        return machines.stream()
                .filter(m -> m.serialNumber().equals(serialNumber))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo machine " + serialNumber));
    }

    public Customer customer(String customerId) {
        return customers.stream()
                .filter(c -> c.customerId().equals(customerId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo customer " + customerId));
    }

    public Technician technician(String technicianId) {
        return TECHNICIANS.stream()
                .filter(t -> t.technicianId().equals(technicianId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo technician " + technicianId));
    }

    /** The body of dispatch's {@code POST /api/archive/import}: dealers, technicians, installations. */
    public Map<String, Object> archiveImport() {
        var installations = new ArrayList<Map<String, Object>>();
        for (var machine : machines) {
            var customer = customer(machine.customerId());
            var installation = new LinkedHashMap<String, Object>();
            installation.put("serialNumber", machine.serialNumber());
            installation.put("model", machine.model());
            installation.put("productLine", machine.productLine());
            installation.put("customerId", machine.customerId());
            installation.put("dealerId", machine.dealerId());
            installation.put("installerId", machine.installerId());
            installation.put("installedOn", machine.installedOn().toString());
            installation.put("site", Map.of("address", customer.address(), "regionCode", customer.regionCode()));
            // The hotline finds the customer by this phone; the machines were installed long ago (no thank-you call).
            installation.put("customer", Map.of("name", customer.name(), "phone", customer.phone()));
            installation.put("historical", true);
            installations.add(installation);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("dealers", DEALERS);
        body.put("technicians", TECHNICIANS);
        body.put("installations", installations);
        return body;
    }

    /**
     * The customers the manufacturer treats as key or medium accounts (follow-up's care periods): one in
     * ten is KEY, one more in ten MEDIUM; the rest are ordinary and absent here.
     */
    public Map<String, String> customerTiers() {
        var tiers = new LinkedHashMap<String, String>();
        for (int i = 0; i < customers.size(); i++) {
            if (i % 10 == 0) {
                tiers.put(customers.get(i).customerId(), "KEY");
            } else if (i % 10 == 5) {
                tiers.put(customers.get(i).customerId(), "MEDIUM");
            }
        }
        return tiers;
    }

    /** The body of parts' {@code PUT /api/stock}: every part at every dealer and at the factory. */
    public List<StockLine> stockUpdate() {
        return stock;
    }

    /**
     * The body of intake's {@code POST /api/complaints} as a hotline agent fills it for the owner of
     * {@code serialNumber}.
     */
    public Map<String, Object> complaint(String serialNumber, String kind, String symptoms) {
        var machine = machine(serialNumber);
        var customer = customer(machine.customerId());
        var body = new LinkedHashMap<String, Object>();
        body.put(
                "customer",
                orderedMap(
                        "name",
                        customer.name(),
                        "phones",
                        List.of(customer.phone()),
                        "address",
                        customer.address(),
                        "regionCode",
                        customer.regionCode()));
        var machineFields = new LinkedHashMap<String, Object>();
        machineFields.put("serialNumber", machine.serialNumber());
        machineFields.put("model", machine.model());
        machineFields.put("spec", machine.spec());
        machineFields.put("productionDate", machine.productionDate().toString());
        machineFields.put("batchNumber", machine.batchNumber());
        body.put("machine", machineFields);
        body.put("purchasedOn", machine.purchasedOn().toString());
        body.put("kind", kind);
        body.put("channel", "HOTLINE");
        body.put("symptoms", symptoms);
        body.put("customerRequest", "尽快上门");
        return body;
    }

    private static DemoArchive generate() {
        var customers = new ArrayList<Customer>();
        var machines = new ArrayList<Machine>();
        var serials = new LinkedHashMap<String, Integer>();
        var number = 0;
        for (var entry : CUSTOMERS_PER_DEALER.entrySet()) {
            var dealerId = entry.getKey();
            var installers = TECHNICIANS.stream()
                    .filter(t -> t.dealerId().equals(dealerId))
                    .toList();
            for (var local = 0; local < entry.getValue(); local++) {
                number++;
                var customerId = String.format("CU-%03d", number);
                var district = DISTRICTS
                        .get(dealerId)
                        .get(local % DISTRICTS.get(dealerId).size());
                var street =
                        district.streets().get((local / 3) % district.streets().size());
                var houseNumber = (88 + (number - 1) * 17) % 400;
                var model = modelFor(dealerId, local);
                var company = EXCAVATOR.equals(model.productLine());
                var address = district.city() + district.district() + street + houseNumber + "号"
                        + (company || number % 2 == 1
                                ? ""
                                : (number % 12 + 1) + "栋" + (number % 6 + 1) + "0" + (number % 4 + 1) + "室");
                var name = company
                        ? COMPANIES.get(local % COMPANIES.size())
                        : SURNAMES.get((number - 1) % SURNAMES.size())
                                + GIVEN_NAMES.get((number - 1) * 7 % GIVEN_NAMES.size());
                var phone = MOBILE_PREFIXES.get((number - 1) % MOBILE_PREFIXES.size())
                        + String.format("%04d%04d", (1197 + 37 * number) % 10000, (1234 + 4444 * number) % 10000);
                customers.add(new Customer(customerId, name, phone, address, district.regionCode()));

                var prefix = prefixOf(model.productLine());
                var serial = String.format("%s-%04d", prefix, serials.merge(prefix, 1, Integer::sum));
                var produced = LocalDate.of(2024, 3, 1).minusDays((number - 1) * 23L % 700);
                var purchased = produced.plusDays(61 - (number - 1) * 7L % 40);
                var installer = installers.get(local % installers.size());
                machines.add(new Machine(
                        serial,
                        model.model(),
                        model.spec(),
                        model.productLine(),
                        produced,
                        String.format("B%02d%02d", produced.getYear() % 100, produced.getMonthValue()),
                        purchased,
                        purchased.plusDays(2),
                        customerId,
                        dealerId,
                        installer.technicianId()));
            }
        }
        var stock = new ArrayList<StockLine>();
        for (var d = 0; d < DEALERS.size(); d++) {
            var dealer = DEALERS.get(d);
            var lines = dealer.dealerId().equals("D-CD") ? List.of(EXCAVATOR) : HOUSEHOLD;
            for (var i = 0; i < PARTS.size(); i++) {
                var part = PARTS.get(i);
                // 8–19 units: the demo's "whole box" requests (20) always come from another dealer or the
                // factory, so every day of demo traffic has transfers (the observability check waits for them).
                var onHand = lines.contains(part.productLine()) ? 8 + (i * 7 + d * 5) % 12 : 2;
                stock.add(new StockLine(dealer.dealerId(), part.partNumber(), onHand, 3));
            }
        }
        for (var part : PARTS) {
            stock.add(new StockLine(FACTORY, part.partNumber(), 200, 50));
        }
        return new DemoArchive(customers, machines, stock);
    }

    private static Model modelFor(String dealerId, int local) {
        if (dealerId.equals("D-CD")) {
            return EXCAVATOR_MODELS.get(local % EXCAVATOR_MODELS.size());
        }
        var models = local % 2 == 0 ? WATER_PURIFIER_MODELS : AIR_CONDITIONER_MODELS;
        return models.get((local / 2) % models.size());
    }

    private static String prefixOf(String productLine) {
        return switch (productLine) {
            case WATER_PURIFIER -> "WP";
            case AIR_CONDITIONER -> "AC";
            default -> "EX";
        };
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        var map = new LinkedHashMap<String, V>();
        for (var i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
