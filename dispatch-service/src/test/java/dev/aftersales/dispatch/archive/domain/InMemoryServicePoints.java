package dev.aftersales.dispatch.archive.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class InMemoryServicePoints implements ServicePoints {

    private final Map<String, ServicePoint> byId = new LinkedHashMap<>();

    @Override
    public void upsert(ServicePoint servicePoint) {
        byId.put(servicePoint.servicePointId(), servicePoint);
    }

    @Override
    public List<ServicePoint> all() {
        return new ArrayList<>(byId.values());
    }
}
