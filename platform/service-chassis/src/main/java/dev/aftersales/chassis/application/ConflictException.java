package dev.aftersales.chassis.application;

import java.net.URI;

/**
 * A step the record's current state does not allow (the web adapter answers 409): the request was
 * well formed, but the case, assignment or stock line is not where this step can happen.
 */
public class ConflictException extends RuntimeException {

    /** The problem type of a conflict no client needs to tell apart from others. */
    public static final URI CONFLICT = URI.create("urn:aftersales:problem:conflict");

    private final URI type;

    public ConflictException(String why) {
        this(CONFLICT, why);
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
