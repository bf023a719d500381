package dev.aftersales.intake.caller.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.aftersales.chassis.contact.PhoneNumber;
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
 * The archive copy in {@code machines}, by {@code _id} (serial number), and a key document per
 * customer phone in {@code machine_phones} ({@link PhoneKeyDocument}). Serial numbers match exactly,
 * case aside; phones however they are typed ({@link PhoneNumber}).
 */
@Component
class MongoMachineArchive implements MachineArchive {

    private static final int MAX_BY_PHONE = 50;

    private final MongoTemplate mongo;

    MongoMachineArchive(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The entry first, then its phone key: a crash between the two leaves a key missing until the next
     * record of the machine, never a key to a machine of another customer (a stale key is checked on read).
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
        mongo.save(MachineDocument.of(machine));
        var oldKey = before == null ? null : phoneKey(before.customerPhone());
        var newKey = phoneKey(machine.customerPhone());
        if (oldKey != null && !oldKey.equals(newKey)) {
            mongo.updateFirst(
                    query(where("_id").is(oldKey)),
                    new Update().pull("serialNumbers", machine.serialNumber()),
                    PhoneKeyDocument.class);
        }
        if (newKey != null) {
            mongo.upsert(
                    query(where("_id").is(newKey)),
                    new Update().addToSet("serialNumbers", machine.serialNumber()),
                    PhoneKeyDocument.class);
        }
    }

    /** Entries stored before phones were keyed get their keys once, at the first start that finds none. */
    @EventListener(ApplicationReadyEvent.class)
    void keyPhonesOfEarlierEntries() {
        if (mongo.estimatedCount(PhoneKeyDocument.class) > 0) {
            return;
        }
        try (var entries = mongo.stream(new Query(), MachineDocument.class)) {
            entries.forEach(entry -> {
                var key = phoneKey(entry.customerPhone());
                if (key != null) {
                    mongo.upsert(
                            query(where("_id").is(key)),
                            new Update().addToSet("serialNumbers", entry.serialNumber()),
                            PhoneKeyDocument.class);
                }
            });
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

    /** E.164 for a Chinese number; any other string keyed by its digits, so it still finds itself. */
    private static String phoneKey(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return PhoneNumber.key(phone).orElseGet(() -> "other:" + phone.replaceAll("\\D", ""));
    }
}
