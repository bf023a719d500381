package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.domain.ServicePoint;
import dev.aftersales.dispatch.archive.domain.ServicePointType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("servicePoints")
record ServicePointDocument(
        @Id String servicePointId,
        String name,
        ServicePointType type,
        String regionCode,
        Double latitude,
        Double longitude) {

    static ServicePointDocument of(ServicePoint p) {
        return new ServicePointDocument(
                p.servicePointId(), p.name(), p.type(), p.regionCode(), p.latitude(), p.longitude());
    }

    ServicePoint toServicePoint() {
        return new ServicePoint(servicePointId, name, type, regionCode, latitude, longitude);
    }
}
