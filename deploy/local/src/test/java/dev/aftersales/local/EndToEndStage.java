package dev.aftersales.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * An end-to-end class that runs in the packaged-stack stage of {@code .ci/run}
 * ({@code deploy/local/e2e-stage.sh}) instead of in {@code ./mvnw verify}: each starts a stack of its
 * own, and together they would take the build past its ten-minute budget: they need every service's
 * jar, so they run after all four services are built, and the main flow ({@link LocalStackEndToEndTest})
 * alone took two minutes of it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(EndToEndStage.TAG)
@interface EndToEndStage {
    String TAG = "e2e-stage";
}
