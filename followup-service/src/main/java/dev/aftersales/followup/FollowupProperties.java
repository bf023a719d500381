package dev.aftersales.followup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Follow-up settings, under {@code aftersales.followup}.
 *
 * @param returnCallDelay how long after a completed visit its return call is due
 */
@ConfigurationProperties("aftersales.followup")
public record FollowupProperties(@DefaultValue("48h") Duration returnCallDelay) {

    public FollowupProperties {
        if (returnCallDelay.isNegative()) {
            throw new IllegalArgumentException("aftersales.followup.return-call-delay must not be negative");
        }
    }
}
