package dev.aftersales.dispatch.assignment.domain;

/** The assignment's state does not allow the change: it is completed, or nobody owns it. */
public class AssignmentNotOpenException extends RuntimeException {

    AssignmentNotOpenException(String why) {
        super(why);
    }
}
