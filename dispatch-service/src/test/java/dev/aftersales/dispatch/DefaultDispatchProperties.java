package dev.aftersales.dispatch;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Dispatch's settings as the service binds them when nothing is configured (offer timeout 15 min, ...). */
public final class DefaultDispatchProperties {

    private DefaultDispatchProperties() {}

    public static DispatchProperties get() {
        return new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("aftersales.dispatch", DispatchProperties.class);
    }
}
