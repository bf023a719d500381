package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.SlaClock;

/** The three clocks of a case (domain.md, service levels); their deadlines are in {@link SlaDeadlines}. */
public record SlaClocks(SlaClockState firstAnswer, SlaClockState onSite, SlaClockState resolution) {

    public static final SlaClocks STARTED =
            new SlaClocks(SlaClockState.RUNNING, SlaClockState.RUNNING, SlaClockState.RUNNING);

    public SlaClocks {
        firstAnswer = firstAnswer == null ? SlaClockState.RUNNING : firstAnswer;
        onSite = onSite == null ? SlaClockState.RUNNING : onSite;
        resolution = resolution == null ? SlaClockState.RUNNING : resolution;
    }

    public SlaClockState get(SlaClock clock) {
        return switch (clock) {
            case FIRST_ANSWER -> firstAnswer;
            case ON_SITE -> onSite;
            case RESOLUTION -> resolution;
        };
    }

    SlaClocks with(SlaClock clock, SlaClockState state) {
        return switch (clock) {
            case FIRST_ANSWER -> new SlaClocks(state, onSite, resolution);
            case ON_SITE -> new SlaClocks(firstAnswer, state, resolution);
            case RESOLUTION -> new SlaClocks(firstAnswer, onSite, state);
        };
    }
}
