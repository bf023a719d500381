package dev.aftersales.dispatch.archive.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class InMemoryInstallations implements Installations {

    private final Map<String, Installation> bySerial = new HashMap<>();

    @Override
    public void upsert(Installation installation) {
        bySerial.put(installation.serialNumber(), installation);
    }

    @Override
    public void upsertAll(List<Installation> installations) {
        installations.forEach(this::upsert);
    }

    @Override
    public Optional<Installation> bySerialNumber(String serialNumber) {
        return Optional.ofNullable(bySerial.get(serialNumber));
    }
}
