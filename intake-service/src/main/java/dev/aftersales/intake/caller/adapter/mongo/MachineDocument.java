package dev.aftersales.intake.caller.adapter.mongo;

import dev.aftersales.intake.caller.domain.InstalledMachine;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An archive entry, {@code _id} = serial number. {@code revision} is absent from entries written
 * before corrections existed: read as 0.
 */
@Document("machines")
record MachineDocument(
        @Id String serialNumber,
        String model,
        String productLine,
        String customerId,
        String customerName,
        String customerPhone,
        String address,
        String regionCode,
        String dealerId,
        String installerId,
        LocalDate installedOn,
        LocalDate wholeMachineWarrantyUntil,
        LocalDate mainPartsWarrantyUntil,
        Integer revision) {

    static MachineDocument of(InstalledMachine m) {
        return new MachineDocument(
                m.serialNumber(),
                m.model(),
                m.productLine(),
                m.customerId(),
                m.customerName(),
                m.customerPhone(),
                m.address(),
                m.regionCode(),
                m.dealerId(),
                m.installerId(),
                m.installedOn(),
                m.wholeMachineWarrantyUntil(),
                m.mainPartsWarrantyUntil(),
                m.revision());
    }

    InstalledMachine toMachine() {
        return new InstalledMachine(
                serialNumber,
                model,
                productLine,
                customerId,
                customerName,
                customerPhone,
                address,
                regionCode,
                dealerId,
                installerId,
                installedOn,
                wholeMachineWarrantyUntil,
                mainPartsWarrantyUntil,
                revision == null ? 0 : revision);
    }
}
