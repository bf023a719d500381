package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.Installation;

/** One row of an installations import: the record it describes, or why it cannot be loaded. */
public record ParsedRow(int line, Installation installation, String problem) {

    public static ParsedRow ok(int line, Installation installation) {
        return new ParsedRow(line, installation, null);
    }

    public static ParsedRow bad(int line, String problem) {
        return new ParsedRow(line, null, problem);
    }
}
