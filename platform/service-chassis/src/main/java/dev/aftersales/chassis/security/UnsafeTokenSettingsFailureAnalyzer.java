package dev.aftersales.chassis.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused token setting as Boot prints configuration errors: what is wrong, which property to set. */
class UnsafeTokenSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeTokenSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeTokenSettingsException cause) {
        return new FailureAnalysis(
                "Unsafe bearer-token settings (" + cause.property() + "): " + cause.description(),
                cause.action(),
                cause);
    }
}
