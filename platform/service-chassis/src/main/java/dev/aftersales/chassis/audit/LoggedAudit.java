package dev.aftersales.chassis.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chassis' audit: one JSON line per entry on the logger {@code aftersales.audit} (so a log
 * shipper can route it to its own store), and the counter {@code aftersales.audit.entries} by
 * action. Nothing is kept in the service; a store-backed {@link Audit} bean takes its place.
 */
public class LoggedAudit implements Audit {

    private static final Logger log = LoggerFactory.getLogger("aftersales.audit");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MeterRegistry meters;

    public LoggedAudit(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void record(AuditEntry entry) {
        var line = new LinkedHashMap<String, Object>();
        line.put("audit", entry.action());
        line.put("actor", entry.actor());
        line.put("subject", entry.subject());
        line.put("at", entry.at().toString());
        line.put("details", entry.details());
        log.info("{}", JSON.writeValueAsString(line));
        Counter.builder("aftersales.audit.entries")
                .description("Audited acts, by action")
                .tag("action", entry.action())
                .register(meters)
                .increment();
    }
}
