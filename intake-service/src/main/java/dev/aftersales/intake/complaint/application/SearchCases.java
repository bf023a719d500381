package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The hotline's case search, newest first: by the caller's phone (exact, however typed), by its last
 * four digits within at most {@value #LAST4_DAYS} days, by serial number, by customer, or by agent,
 * status and kind.
 *
 * <p>Whoever took the call follows it: an AGENT who names no phone, serial or customer sees their own
 * cases only, and may not list another agent's; a SUPERVISOR sees every agent's. The selectors (phone,
 * last four, serial, customer) name a handful of cases each and take only a period beside them; agent,
 * status and kind combine as {@code agent + status} or {@code agent + kind}: each shape has its index.
 */
@Service
public class SearchCases {

    public static final int LAST4_DAYS = 31;

    /** The search as the door read it; the phone already a key ({@code +86…}). */
    public record Search(
            String phoneKey,
            String last4,
            String serialNumber,
            String customerId,
            String agent,
            ComplaintStatus status,
            ComplaintKind kind,
            Instant from,
            Instant to) {

        /** The filter as the cursor is sealed to it. */
        public Map<String, Object> asFilter() {
            var filter = new LinkedHashMap<String, Object>();
            filter.put("phone", phoneKey);
            filter.put("last4", last4);
            filter.put("serialNumber", serialNumber);
            filter.put("customerId", customerId);
            filter.put("agent", agent);
            filter.put("status", status);
            filter.put("kind", kind);
            filter.put("from", from);
            filter.put("to", to);
            return filter;
        }

        /** The filter as an export's audit entry may name it: what was searched by, never a phone or customer. */
        public Map<String, String> audited() {
            var filter = new LinkedHashMap<String, String>();
            asFilter().forEach((name, value) -> {
                if (value != null) {
                    boolean personal = name.equals("phone") || name.equals("last4") || name.equals("customerId");
                    filter.put(name, personal ? "given" : value.toString());
                }
            });
            return filter;
        }

        boolean selective() {
            return phoneKey != null || last4 != null || serialNumber != null || customerId != null;
        }

        Search withAgent(String agent) {
            return new Search(phoneKey, last4, serialNumber, customerId, agent, status, kind, from, to);
        }
    }

    /** Where cases are searched: the store's indexed shapes. */
    public interface CaseIndex {

        /** Cases matching {@code search} in (registeredAt, id) order, newest first, after the page's position. */
        List<Complaint> search(Search search, PageRequest page);
    }

    private final CaseIndex cases;

    SearchCases(CaseIndex cases) {
        this.cases = cases;
    }

    /**
     * The search as {@code caller} may run it: checked, and an agent's own cases unless a selector is given.
     *
     * @throws InvalidRequestException naming each parameter at fault
     * @throws AccessDeniedException when an agent asks for another agent's cases
     */
    public Search scoped(Search search, Caller caller) {
        check(search);
        if (caller.has(Role.SUPERVISOR) || search.selective()) {
            return search;
        }
        if (search.agent() != null && !search.agent().equals(caller.userId())) {
            throw new AccessDeniedException("an agent lists their own cases; search another's by phone or serial");
        }
        return search.withAgent(caller.userId());
    }

    /** One page of a search {@link #scoped} for the caller (the door scopes it again on every page). */
    public List<Complaint> page(Search scoped, PageRequest page) {
        return cases.search(scoped, page);
    }

    private static void check(Search search) {
        var problems = new ArrayList<FieldProblem>();
        if (search.from() != null && search.to() != null && search.from().isAfter(search.to())) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (search.last4() != null) {
            if (search.from() == null || search.to() == null) {
                problems.add(new FieldProblem("last4", "give from and to with the last four digits"));
            } else if (Duration.between(search.from(), search.to()).compareTo(Duration.ofDays(LAST4_DAYS)) > 0) {
                problems.add(new FieldProblem("to", "at most " + LAST4_DAYS + " days after from with last4"));
            }
        }
        var selectors = new ArrayList<String>();
        if (search.phoneKey() != null) selectors.add("phone");
        if (search.last4() != null) selectors.add("last4");
        if (search.serialNumber() != null) selectors.add("serialNumber");
        if (search.customerId() != null) selectors.add("customerId");
        if (selectors.size() > 1) {
            problems.add(new FieldProblem(selectors.get(1), "search by one of phone, last4, serialNumber, customerId"));
        }
        if (!selectors.isEmpty()) {
            for (var other : List.of("agent", "status", "kind")) {
                if (search.asFilter().get(other) != null) {
                    problems.add(new FieldProblem(
                            other, "is not combined with " + selectors.get(0) + " (give a period instead)"));
                }
            }
        } else if (search.status() != null && search.kind() != null) {
            problems.add(new FieldProblem("kind", "combine kind with agent only, not with status"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
