package dev.aftersales.chassis.application;

import java.util.List;

/**
 * Input that breaks a rule bean validation cannot express, naming every field at fault (the web
 * adapter answers 400 with them).
 */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidRequestException(List<FieldProblem> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
