package dev.aftersales.dispatch.archive.domain;

import java.util.List;

/** The authorized service points and regional centres; a short list, read whole. */
public interface ServicePoints {

    /** Creates or replaces the service point with this id. */
    void upsert(ServicePoint servicePoint);

    List<ServicePoint> all();
}
