package dev.aftersales.dispatch.archive.application;

/** A row of an import that was not loaded: its line (CSV, counting the header as line 1) or position, and why. */
public record RowProblem(int line, String reason) {}
