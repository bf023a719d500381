package dev.aftersales.chassis.web;

import java.net.URI;

/** Answers 409: the request is well formed but the resource's current state does not allow it. */
public class ConflictException extends RuntimeException {

    private final URI type;

    public ConflictException(String why) {
        this(ProblemDetailsAdvice.CONFLICT, why);
    }

    /** A conflict with its own problem type, for clients that act on this kind of conflict. */
    public ConflictException(URI type, String why) {
        super(why);
        this.type = type;
    }

    public URI type() {
        return type;
    }
}
