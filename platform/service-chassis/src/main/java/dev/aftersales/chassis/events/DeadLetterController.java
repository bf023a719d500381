package dev.aftersales.chassis.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.audit.Audit;
import dev.aftersales.chassis.audit.AuditEntry;
import dev.aftersales.chassis.logging.PersonalData;
import dev.aftersales.chassis.paging.Page;
import dev.aftersales.chassis.paging.PageRequest;
import dev.aftersales.chassis.paging.Paging;
import dev.aftersales.chassis.paging.Position;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.contracts.CloudEventHeaders;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets operations see why records were dead-lettered and send them back once the cause is fixed,
 * for this service's own dead letters only ({@code <topic>.<service>.DLT}; another consumer's answer
 * 404). Listings leave out the customer's personal data ({@link DeadLetterPayloads}); the whole
 * record is one explicit call that names its purpose and is audited. A replay, one by one or in
 * bulk, goes to this service's replay topic and nowhere else ({@link DeadLetters}), once per dead
 * letter, and is audited too.
 */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize("hasRole('OPS')")
class DeadLetterController {

    static final String PAYLOAD_READ = "dead-letter.payload-read";
    static final String REPLAYED = "dead-letter.replayed";
    static final String BULK_REPLAYED = "dead-letter.bulk-replayed";

    /** The most dead letters one bulk replay takes. */
    private static final int MAX_LIMIT = 1000;

    private static final String LIST = "dead-letters";
    private static final int MAX_TEXT = 200;

    /** Text headers the full view shows; binary bookkeeping (original offsets, stack traces) stays out. */
    private static final Set<String> SHOWN_HEADERS = Set.of(
            CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.ID,
            CloudEventHeaders.SOURCE,
            CloudEventHeaders.TYPE,
            CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT,
            CloudEventHeaders.CONTENT_TYPE,
            CloudEventHeaders.TRACEPARENT,
            KafkaConfiguration.DLT_REASON,
            DeadLetters.REPLAY_OF,
            "kafka_dlt-original-topic",
            "kafka_dlt-original-consumer-group",
            "kafka_dlt-exception-fqcn");

    /** A dead letter as listed: without personal data. */
    record DeadLetter(
            String topic,
            int partition,
            long offset,
            String key,
            String eventId,
            String type,
            String reason,
            Instant deadLetteredAt,
            String payload,
            ReplayMark replayed) {}

    /** A dead letter in full, for the one who asked with a purpose. */
    record DeadLetterInFull(
            String topic,
            int partition,
            long offset,
            String key,
            Map<String, String> headers,
            Instant deadLetteredAt,
            String payload,
            ReplayMark replayed) {}

    /** Who replayed a dead letter and when; {@code sent} false while a replay is under way. */
    record ReplayMark(String by, Instant at, boolean sent) {

        static ReplayMark of(DeadLetterReplays.Replay replay) {
            return replay == null
                    ? null
                    : new ReplayMark(
                            replay.replayedBy(), replay.sent() ? replay.sentAt() : replay.claimedAt(), replay.sent());
        }
    }

    record Replayed(String topic, int partition, long offset, String replayedTo) {}

    /**
     * Which dead letters to replay: dead-lettered in {@code [from, to)} and/or with a reason
     * containing {@code reason}; at least one of the three. At most {@code limit} (1 to 1000, default
     * 500) per call; {@code more} in the answer says whether to call again. The rules across fields
     * and the limit are checked as a listing's query is ({@link #filter}), so one answer names them all.
     */
    record BulkReplay(
            Instant from, Instant to, @Size(max = MAX_TEXT) String reason, Integer limit) {}

    record BulkReplayed(
            String topic, String replayedTo, int matched, int replayed, int alreadyReplayed, boolean more) {}

    private final DeadLetters deadLetters;
    private final Audit audit;
    private final CurrentUser currentUser;
    private final WallClock clock;
    private final Paging paging;

    DeadLetterController(
            DeadLetters deadLetters, Audit audit, CurrentUser currentUser, WallClock clock, Paging paging) {
        this.deadLetters = deadLetters;
        this.paging = paging;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** This service's dead-letter topics, one per topic it consumes. */
    @GetMapping
    List<String> topics() {
        return deadLetters.topics();
    }

    /**
     * The dead letters of one topic, newest first, a page at a time ({@link Paging}: at most {@value
     * Paging#MAX_LIMIT}, the cursor sealed to this topic, filter and caller). A walk shows each dead
     * letter that was there when it began exactly once; later ones wait for the next walk.
     */
    @GetMapping("/{topic}")
    ResponseEntity<Page<DeadLetter>> list(
            @PathVariable String topic,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String cursor) {
        var filter =
                filter(from, to, reason, limit == null ? Paging.DEFAULT_LIMIT : limit, Paging.MAX_LIMIT, List.of());
        deadLetters.originOf(topic);
        var criteria = new LinkedHashMap<String, Object>();
        criteria.put("topic", topic);
        criteria.put("from", from);
        criteria.put("to", to);
        criteria.put("reason", reason);
        var request = paging.request(LIST, criteria, currentUser.caller(), cursor, limit);
        var found = deadLetters.newest(topic, filter, below(request), request.limit());
        var replays = deadLetters.replaysOf(topic);
        var items = found.records().stream()
                .map(record -> listed(record, replays.get(idOf(record))))
                .toList();
        var next = found.next() == null ? null : paging.cursor(request, new Position(encode(found.next()), topic));
        return Paging.ok(new Page<>(items, next));
    }

    /** A cursor's position: per partition the offset below which the walk goes on, as {@code p:offset,…}. */
    private static String encode(Map<Integer, Long> below) {
        var text = new StringBuilder();
        below.forEach((partition, offset) -> text.append(text.isEmpty() ? "" : ",")
                .append(partition)
                .append(':')
                .append(offset));
        return text.toString();
    }

    private static Map<Integer, Long> below(PageRequest request) {
        if (request.after() == null) {
            return null;
        }
        try {
            var below = new TreeMap<Integer, Long>();
            for (var part : ((String) request.after().sortValue()).split(",")) {
                var colon = part.indexOf(':');
                below.put(Integer.parseInt(part.substring(0, colon)), Long.parseLong(part.substring(colon + 1)));
            }
            return below;
        } catch (RuntimeException e) {
            // sealed by us, so never: but a cursor that does not read is no page
            throw new NotFoundException("no such page");
        }
    }

    /** The whole dead letter, personal data included: say why, and it is audited. */
    @GetMapping("/{topic}/{partition}/{offset}")
    DeadLetterInFull inFull(
            @PathVariable String topic,
            @PathVariable int partition,
            @PathVariable long offset,
            @RequestParam(required = false) String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_TEXT) {
            throw new InvalidRequestException(
                    "purpose", "say why you need the personal data (1 to " + MAX_TEXT + " characters)");
        }
        var record = deadLetters.one(topic, partition, offset);
        audit.record(new AuditEntry(
                PAYLOAD_READ,
                currentUser.userId(),
                idOf(record),
                Map.of(
                        "eventId", String.valueOf(EventDispatcher.header(record, CloudEventHeaders.ID)),
                        "purpose", PersonalData.mask(purpose.strip())),
                clock.instant()));
        var headers = new LinkedHashMap<String, String>();
        for (var header : record.headers()) {
            if (SHOWN_HEADERS.contains(header.key()) && header.value() != null) {
                headers.put(header.key(), new String(header.value(), UTF_8));
            }
        }
        return new DeadLetterInFull(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                headers,
                Instant.ofEpochMilli(record.timestamp()),
                record.value() == null ? null : new String(record.value(), UTF_8),
                ReplayMark.of(deadLetters.replaysOf(topic).get(idOf(record))));
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replayed replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        var record = deadLetters.one(topic, partition, offset);
        var actor = currentUser.userId();
        var outcome = deadLetters.replay(record, actor);
        if (outcome.earlier().isPresent()) {
            var earlier = outcome.earlier().get();
            throw new ConflictException("dead letter " + idOf(record) + " was replayed by " + earlier.replayedBy()
                    + " at " + (earlier.sent() ? earlier.sentAt() : earlier.claimedAt()));
        }
        audit.record(new AuditEntry(
                REPLAYED,
                actor,
                idOf(record),
                Map.of(
                        "eventId",
                        String.valueOf(EventDispatcher.header(record, CloudEventHeaders.ID)),
                        "replayedTo",
                        outcome.replayedTo()),
                clock.instant()));
        return new Replayed(topic, partition, offset, outcome.replayedTo());
    }

    @PostMapping("/{topic}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BulkReplayed replayInBulk(@PathVariable String topic, @Valid @RequestBody BulkReplay request) {
        var limit = request.limit() == null ? 500 : request.limit();
        var none = request.from() == null
                && request.to() == null
                && (request.reason() == null || request.reason().isBlank());
        var filter = filter(
                request.from(),
                request.to(),
                request.reason(),
                limit,
                MAX_LIMIT,
                none
                        ? List.of(new FieldProblem("from", "give from, to or reason: which dead letters to replay"))
                        : List.of());
        var actor = currentUser.userId();
        var found = deadLetters.read(topic, filter, limit);
        int replayed = 0;
        int already = 0;
        for (var record : found.records()) {
            var outcome = deadLetters.replay(record, actor);
            if (outcome.earlier().isPresent()) {
                already++;
            } else {
                replayed++;
            }
        }
        var details = new LinkedHashMap<String, String>();
        details.put("matched", Integer.toString(found.records().size()));
        details.put("replayed", Integer.toString(replayed));
        details.put("alreadyReplayed", Integer.toString(already));
        details.put("from", String.valueOf(request.from()));
        details.put("to", String.valueOf(request.to()));
        details.put("reason", String.valueOf(request.reason() == null ? null : PersonalData.mask(request.reason())));
        audit.record(new AuditEntry(BULK_REPLAYED, actor, topic, details, clock.instant()));
        return new BulkReplayed(
                topic, deadLetters.replayTopicOf(topic), found.records().size(), replayed, already, found.more());
    }

    private static DeadLetters.Filter filter(
            Instant from, Instant to, String reason, int limit, int maxLimit, List<FieldProblem> problems) {
        var errors = new ArrayList<>(problems);
        if (limit < 1 || limit > maxLimit) {
            errors.add(new FieldProblem("limit", "must be between 1 and " + maxLimit));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldProblem("to", "must be after from"));
        }
        if (reason != null && reason.length() > MAX_TEXT) {
            errors.add(new FieldProblem("reason", "size must be between 0 and " + MAX_TEXT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new DeadLetters.Filter(from, to, reason);
    }

    private static DeadLetter listed(ConsumerRecord<String, byte[]> record, DeadLetterReplays.Replay replay) {
        var reason = EventDispatcher.header(record, KafkaConfiguration.DLT_REASON);
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                EventDispatcher.header(record, CloudEventHeaders.ID),
                EventDispatcher.header(record, CloudEventHeaders.TYPE),
                reason == null ? null : PersonalData.mask(reason),
                Instant.ofEpochMilli(record.timestamp()),
                record.value() == null ? null : DeadLetterPayloads.redact(new String(record.value(), UTF_8)),
                ReplayMark.of(replay));
    }

    private static String idOf(ConsumerRecord<?, ?> record) {
        return DeadLetterReplays.idOf(record.topic(), record.partition(), record.offset());
    }
}
