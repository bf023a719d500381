package dev.aftersales.chassis.application;

/** A field at fault, by its JSON path, and what is wrong with it; a problem's {@code errors} list these. */
public record FieldProblem(String field, String message) {}
