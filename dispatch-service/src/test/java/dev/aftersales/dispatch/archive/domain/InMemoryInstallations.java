package dev.aftersales.dispatch.archive.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class InMemoryInstallations implements Installations {

    private final Map<String, Installation> bySerial = new HashMap<>();

    @Override
    public void add(Installation installation) {
        bySerial.putIfAbsent(installation.serialNumber(), installation);
    }

    @Override
    public void addAll(List<Installation> installations) {
        installations.forEach(this::add);
    }

    @Override
    public Optional<Installation> bySerialNumber(String serialNumber) {
        return Optional.ofNullable(bySerial.get(serialNumber));
    }
}
