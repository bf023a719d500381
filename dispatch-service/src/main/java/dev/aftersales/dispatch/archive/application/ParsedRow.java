package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.ImportedMachine;
import dev.aftersales.dispatch.archive.domain.Installation;

/** One row of an installations import: the record it describes, or why it cannot be loaded. */
public record ParsedRow(int line, ImportedMachine machine, String problem) {

    public static ParsedRow ok(int line, ImportedMachine machine) {
        return new ParsedRow(line, machine, null);
    }

    public Installation installation() {
        return machine == null ? null : machine.installation();
    }

    public static ParsedRow bad(int line, String problem) {
        return new ParsedRow(line, null, problem);
    }
}
