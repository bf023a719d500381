package dev.aftersales.chassis.audit;

/**
 * Where the chassis and the services record who did what to which record when the act itself must
 * be answerable: reading personal data that is otherwise hidden, replaying dead letters. The chassis
 * writes each entry as a structured log line and counts it ({@link LoggedAudit}); a service that keeps
 * an audit trail declares its own bean of this type (for example one that also stores the entry),
 * and the chassis uses that instead.
 *
 * <p>Must not throw for a well-formed entry: the act has happened when it is recorded.
 */
@FunctionalInterface
public interface Audit {

    void record(AuditEntry entry);
}
