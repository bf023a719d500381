package dev.aftersales.chassis.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts {@code spring.embedded.kafka.brokers} back after a test class with a context of its own. The
 * embedded broker publishes its address in that JVM-wide system property, and the slice tests read it
 * ({@code @Value}) to reach the broker of their shared, cached context: a test class that starts a
 * second context (and broker) in between must not leave them pointing at its broker.
 */
public class EmbeddedBrokerProperty implements BeforeAllCallback, AfterAllCallback {

    static final String PROPERTY = "spring.embedded.kafka.brokers";
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedBrokerProperty.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        var before = System.getProperty(PROPERTY);
        context.getStore(NAMESPACE).put(PROPERTY, before == null ? "" : before);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        var before = context.getStore(NAMESPACE).get(PROPERTY, String.class);
        if (before == null || before.isEmpty()) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }
}
