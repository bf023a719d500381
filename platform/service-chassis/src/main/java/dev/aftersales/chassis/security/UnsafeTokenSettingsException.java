package dev.aftersales.chassis.security;

/** Token settings that would let tokens in that this service must refuse; the service does not start. */
class UnsafeTokenSettingsException extends RuntimeException {

    private final String property;
    private final String description;
    private final String action;

    UnsafeTokenSettingsException(String property, String description, String action) {
        super(description + " " + action);
        this.property = property;
        this.description = description;
        this.action = action;
    }

    String description() {
        return description;
    }

    String property() {
        return property;
    }

    String action() {
        return action;
    }
}
