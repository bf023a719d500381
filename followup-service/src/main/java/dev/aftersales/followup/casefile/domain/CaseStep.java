package dev.aftersales.followup.casefile.domain;

import java.time.Instant;

/** One thing that happened on a case, as the return-call agent sees it (no personal data). */
public record CaseStep(Instant at, String what) {}
