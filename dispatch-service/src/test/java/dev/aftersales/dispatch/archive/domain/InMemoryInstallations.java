package dev.aftersales.dispatch.archive.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public class InMemoryInstallations implements Installations {

    private final Map<String, Installation> bySerial = new HashMap<>();

    @Override
    public void upsert(Installation installation) {
        bySerial.put(installation.serialNumber(), installation);
    }

    @Override
    public Optional<Installation> bySerialNumber(String serialNumber) {
        return Optional.ofNullable(bySerial.get(serialNumber));
    }
}
