package dev.aftersales.chassis.web;

/** One entry of a problem's {@code errors} member: the JSON path of the field and what is wrong with it. */
public record FieldProblem(String field, String message) {}
