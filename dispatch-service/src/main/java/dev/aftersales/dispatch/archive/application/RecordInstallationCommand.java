package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.Installation;

/** A new installation and the customer to reach about it (name and phone are published, not stored). */
public record RecordInstallationCommand(Installation installation, String customerName, String customerPhone) {}
