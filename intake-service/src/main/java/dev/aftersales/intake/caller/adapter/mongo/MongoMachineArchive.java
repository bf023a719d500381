package dev.aftersales.intake.caller.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.contact.PhoneNumber;
import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.intake.caller.domain.InstalledMachine;
import dev.aftersales.intake.caller.domain.MachineArchive;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The archive copy in {@code machines}, by {@code _id} (serial number), a key document per customer phone
 * in {@code machine_phones} ({@link PhoneKeyDocument}) and one per customer id in {@code customer_machines}
 * ({@link CustomerMachinesDocument}). Serial numbers match exactly, case aside; phones however they are
 * typed ({@link PhoneNumber}).
 */
@Component
class MongoMachineArchive implements MachineArchive {

    private static final int MAX_BY_PHONE = 50;

    /** One document per one-off data change that is done ({@code _id} its name), as the case search's. */
    static final String DONE = "migrations";

    static final String CUSTOMER_KEYS = "backfill/customer-machine-keys";

    private final MongoTemplate mongo;
    private final WallClock wallClock;

    MongoMachineArchive(MongoTemplate mongo, WallClock wallClock) {
        this.mongo = mongo;
        this.wallClock = wallClock;
    }

    /**
     * A new key before the entry, an old key after it: a crash in between leaves at most a stale key (checked
     * on read), never an entry without its keys, so an unchanged key needs no write.
     */
    @Override
    public void put(InstalledMachine machine) {
        write(machine, mongo.findById(machine.serialNumber(), MachineDocument.class));
    }

    @Override
    public boolean putUnlessLater(InstalledMachine machine) {
        var before = mongo.findById(machine.serialNumber(), MachineDocument.class);
        if (before != null && before.toMachine().revision() > machine.revision()) {
            return false;
        }
        write(machine, before);
        return true;
    }

    private void write(InstalledMachine machine, MachineDocument before) {
        var serial = machine.serialNumber();
        var oldPhone = before == null ? null : phoneKey(before.customerPhone());
        var newPhone = phoneKey(machine.customerPhone());
        var oldCustomer = before == null ? null : blankToNull(before.customerId());
        var newCustomer = blankToNull(machine.customerId());
        if (newPhone != null && !newPhone.equals(oldPhone)) {
            addKey(PhoneKeyDocument.class, newPhone, serial);
        }
        if (newCustomer != null && !newCustomer.equals(oldCustomer)) {
            addKey(CustomerMachinesDocument.class, newCustomer, serial);
        }
        mongo.save(MachineDocument.of(machine));
        if (oldPhone != null && !oldPhone.equals(newPhone)) {
            removeKey(PhoneKeyDocument.class, oldPhone, serial);
        }
        if (oldCustomer != null && !oldCustomer.equals(newCustomer)) {
            removeKey(CustomerMachinesDocument.class, oldCustomer, serial);
        }
    }

    private void addKey(Class<?> keys, String key, String serial) {
        mongo.upsert(query(where("_id").is(key)), new Update().addToSet("serialNumbers", serial), keys);
    }

    private void removeKey(Class<?> keys, String key, String serial) {
        mongo.updateFirst(query(where("_id").is(key)), new Update().pull("serialNumbers", serial), keys);
    }

    /**
     * Entries stored before phones were keyed get their phone keys at the first start that finds none; entries
     * stored before customers were keyed get their customer keys once, marked done in {@value #DONE} (a
     * consumer may write a customer key before this runs). Adding a key twice changes nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    void keyEarlierEntries() {
        var phones = mongo.estimatedCount(PhoneKeyDocument.class) == 0;
        var customers = !mongo.exists(query(where("_id").is(CUSTOMER_KEYS)), DONE);
        if (!phones && !customers) {
            return;
        }
        try (var entries = mongo.stream(new Query(), MachineDocument.class)) {
            entries.forEach(entry -> {
                var phone = phoneKey(entry.customerPhone());
                if (phones && phone != null) {
                    addKey(PhoneKeyDocument.class, phone, entry.serialNumber());
                }
                var customer = blankToNull(entry.customerId());
                if (customers && customer != null) {
                    addKey(CustomerMachinesDocument.class, customer, entry.serialNumber());
                }
            });
        }
        if (customers) {
            mongo.upsert(query(where("_id").is(CUSTOMER_KEYS)), new Update().set("doneAt", wallClock.instant()), DONE);
        }
    }

    @Override
    public Optional<InstalledMachine> bySerialNumber(String serialNumber) {
        return Stream.of(serialNumber, serialNumber.toUpperCase(Locale.ROOT), serialNumber.toLowerCase(Locale.ROOT))
                .distinct()
                .map(serial -> mongo.findById(serial, MachineDocument.class))
                .filter(Objects::nonNull)
                .findFirst()
                .map(MachineDocument::toMachine);
    }

    @Override
    public List<InstalledMachine> byPhone(String phone) {
        var key = phoneKey(phone);
        var serials = key == null ? null : mongo.findById(key, PhoneKeyDocument.class);
        if (serials == null || serials.serialNumbers() == null) {
            return List.of();
        }
        return serials.serialNumbers().stream()
                .limit(MAX_BY_PHONE)
                .map(serial -> mongo.findById(serial, MachineDocument.class))
                .filter(entry -> entry != null && key.equals(phoneKey(entry.customerPhone())))
                .map(MachineDocument::toMachine)
                .toList();
    }

    @Override
    public List<InstalledMachine> byCustomer(String customerId) {
        var serials = customerId == null ? null : mongo.findById(customerId, CustomerMachinesDocument.class);
        if (serials == null || serials.serialNumbers() == null) {
            return List.of();
        }
        return serials.serialNumbers().stream()
                .limit(MAX_BY_PHONE)
                .map(serial -> mongo.findById(serial, MachineDocument.class))
                .filter(entry -> entry != null && customerId.equals(entry.customerId()))
                .map(MachineDocument::toMachine)
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String phoneKey(String phone) {
        return PhoneKeys.of(phone);
    }
}
