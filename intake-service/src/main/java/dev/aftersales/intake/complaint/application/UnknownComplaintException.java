package dev.aftersales.intake.complaint.application;

/**
 * An event names a complaint this service never registered. Deliberately not a poison event: it is
 * retried like any failure and then dead-lettered, where operations see it and can replay it. Every
 * case event descends from a {@code ComplaintRegistered} that intake published only after storing
 * the case, so this means a misrouted event or lost data, which must not pass unnoticed.
 */
public class UnknownComplaintException extends RuntimeException {

    UnknownComplaintException(String complaintId) {
        super("no complaint " + complaintId);
    }
}
