package dev.aftersales.contracts.dispatch;

/** The parts of a machine's installation record that a correction may change. */
public enum InstallationPart {
    /** who installed it: the technician sent first when the machine needs service */
    INSTALLER,
    /** when it was installed: the warranty runs from this day */
    INSTALLED_ON,
    /** whose machine it is: customer id, name and phone */
    CUSTOMER,
    /** where it stands: address and region */
    SITE
}
