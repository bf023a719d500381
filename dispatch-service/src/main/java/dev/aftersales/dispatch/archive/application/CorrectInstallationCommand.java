package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.CorrectedFacts;

/** A correction of an archived machine's record, and why it is made (kept in the history). */
public record CorrectInstallationCommand(String serialNumber, CorrectedFacts facts, String reason) {}
