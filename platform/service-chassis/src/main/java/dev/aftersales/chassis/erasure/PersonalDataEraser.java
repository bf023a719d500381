package dev.aftersales.chassis.erasure;

import dev.aftersales.chassis.contact.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Erases one customer's personal data from stored documents on their request (PIPL): in a document that
 * is theirs (it names one of their customer ids, or holds one of their phone numbers however typed), every
 * string that names them or holds one of their numbers is replaced by {@link #ERASED}, and so is the
 * address beside it; free text (symptoms, notes) keeps its words but loses the name and the number. A
 * document of someone else who shares a name keeps it. Ids and case facts stay. Stored event payloads waiting in an outbox are JSON text inside the
 * document and are erased the same way, so nothing published after the erasure carries the data either.
 * Idempotent: a document erased once has nothing left to match.
 */
public final class PersonalDataEraser {

    /** What an erased name, phone or address reads afterwards. */
    public static final String ERASED = "[erased]";

    /** Digit runs that may be a phone number as typed: +86, spaces, dashes, dots and brackets inside. */
    private static final Pattern PHONE_LIKE = Pattern.compile("(?<![\\d+])\\+?\\d[\\d\\s\\-.()]{5,22}\\d(?!\\d)");

    private static final Set<String> ADDRESS_FIELDS = Set.of("address", "siteAddress", "customerAddress");

    private final Set<String> customerIds;
    private final List<String> names;
    private final Set<String> phoneKeys;

    /**
     * @param names the customer's names and aliases (blank or one-letter ones are ignored: they would erase
     *     every text that happens to contain the letter)
     * @param phones the customer's phone numbers as any service stored them
     * @param customerIds the customer's ids (incl. those merged into it): a document naming one is theirs
     */
    public PersonalDataEraser(Collection<String> names, Collection<String> phones, Collection<String> customerIds) {
        this.customerIds = customerIds.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        this.names = names.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(name -> name.length() >= 2 && !name.equals(ERASED))
                .distinct()
                .sorted((a, b) -> b.length() - a.length()) // a longer name before a part of it
                .toList();
        this.phoneKeys = phones.stream()
                .filter(Objects::nonNull)
                .map(phone -> PhoneNumber.key(phone).orElse(phone.strip()))
                .filter(phone -> !phone.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isEmpty() {
        return names.isEmpty() && phoneKeys.isEmpty();
    }

    /** Whether {@code phone} (however typed) is one of the customer's numbers. */
    public boolean isTheirPhone(String phone) {
        return phone != null && phoneKeys.contains(PhoneNumber.key(phone).orElse(phone.strip()));
    }

    /** {@code text} without the customer's names and numbers. */
    public String erase(String text) {
        if (text == null || text.isEmpty() || isEmpty()) {
            return text;
        }
        var result = text;
        for (var name : names) {
            result = result.replace(name, ERASED);
        }
        if (!phoneKeys.isEmpty()) {
            var matcher = PHONE_LIKE.matcher(result);
            var out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(
                        out,
                        isTheirPhone(matcher.group())
                                ? ERASED
                                : java.util.regex.Matcher.quoteReplacement(matcher.group()));
            }
            matcher.appendTail(out);
            result = out.toString();
        }
        if (!result.equals(text) && result.startsWith("{") && result.endsWith("}")) {
            result = eraseAddressesInJson(result);
        }
        return result;
    }

    /**
     * Erases in place, at every depth of {@code document}; an address beside an erased name or phone goes
     * too. {@code _id} stays (ids are not the customer's data).
     *
     * @return whether anything changed
     */
    public boolean erase(Document document) {
        return holdsThem(document) && eraseMap(document, true);
    }

    /** Whether {@code map} names one of the customer's ids or holds one of their numbers, at any depth. */
    @SuppressWarnings("unchecked")
    boolean holdsThem(Map<String, Object> map) {
        for (var entry : map.entrySet()) {
            var value = entry.getValue();
            if (value instanceof Binary binary && textOf(binary) != null) {
                value = textOf(binary);
            }
            if (value instanceof String text) {
                if ((entry.getKey().equals("customerId") && customerIds.contains(text)) || holdsTheirPhone(text)) {
                    return true;
                }
            } else if (value instanceof Map<?, ?> nested) {
                if (holdsThem((Map<String, Object>) nested)) {
                    return true;
                }
            } else if (value instanceof List<?> list) {
                for (var item : list) {
                    if ((item instanceof Map<?, ?> nested && holdsThem((Map<String, Object>) nested))
                            || (item instanceof String text && holdsTheirPhone(text))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean holdsTheirPhone(String text) {
        if (phoneKeys.isEmpty() || text.isEmpty()) {
            return false;
        }
        if (text.contains("\"customerId\"")
                && customerIds.stream().anyMatch(id -> text.contains("\"customerId\":\"" + id + "\""))) {
            return true; // an event payload of theirs waiting in an outbox
        }
        var matcher = PHONE_LIKE.matcher(text);
        while (matcher.find()) {
            if (isTheirPhone(matcher.group())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Erases the customer from every document of {@code collection} that holds them: reads each one, and
     * writes back only those that changed, each as one single-document replace. A versioned document is
     * replaced only at the version read, and its version moves on, so a writer that read it before saves
     * nothing over the erasure (its optimistic lock fails and it reads again); an erasure that finds the
     * document changed reads it again. A scan: erasure is rare, and the copies are found by what they
     * contain, not by a key.
     *
     * @return how many documents changed
     */
    public int eraseIn(MongoTemplate mongo, String collection) {
        if (isEmpty() || !mongo.collectionExists(collection)) {
            return 0;
        }
        var changed = 0;
        var documents = new ArrayList<Document>();
        mongo.getCollection(collection).find().forEach(documents::add);
        for (var read : documents) {
            var document = read;
            for (int attempt = 0; attempt < 10 && document != null; attempt++) {
                if (!erase(document)) {
                    break;
                }
                var filter = new Document("_id", document.get("_id"));
                if (document.get("version") instanceof Number version) {
                    filter.append("version", version);
                    document.put("version", version.longValue() + 1);
                }
                if (mongo.getCollection(collection).replaceOne(filter, document).getMatchedCount() == 1) {
                    changed++;
                    break;
                }
                document = mongo.getCollection(collection)
                        .find(new Document("_id", read.get("_id")))
                        .first();
            }
        }
        return changed;
    }

    /** Removes the documents of {@code collection} whose {@code _id} is one of the customer's numbers (key documents). */
    public long removeKeyedByPhone(MongoTemplate mongo, String collection) {
        if (phoneKeys.isEmpty()) {
            return 0;
        }
        return mongo.remove(Query.query(Criteria.where("_id").in(phoneKeys)), collection)
                .getDeletedCount();
    }

    @SuppressWarnings("unchecked")
    private boolean eraseMap(Map<String, Object> map, boolean top) {
        var changed = false;
        var personal = false;
        for (var entry : map.entrySet()) {
            if (top && entry.getKey().equals("_id")) {
                continue;
            }
            var value = entry.getValue();
            if (value instanceof Binary binary && textOf(binary) != null) {
                // a stored answer (idempotency keys): JSON text as bytes
                var text = textOf(binary);
                var erased = erase(text);
                if (!erased.equals(text)) {
                    entry.setValue(new Binary(binary.getType(), erased.getBytes(StandardCharsets.UTF_8)));
                    changed = true;
                }
            } else if (value instanceof String text) {
                var erased = erase(text);
                if (!erased.equals(text)) {
                    entry.setValue(erased);
                    changed = true;
                    personal = personal || !text.startsWith("{");
                }
            } else if (value instanceof Map<?, ?> nested) {
                changed |= eraseMap((Map<String, Object>) nested, false);
            } else if (value instanceof List<?> list) {
                changed |= eraseList((List<Object>) list);
            }
        }
        if (personal) {
            for (var field : ADDRESS_FIELDS) {
                if (map.get(field) instanceof String address && !address.equals(ERASED)) {
                    map.put(field, ERASED);
                }
            }
        }
        return changed;
    }

    @SuppressWarnings("unchecked")
    private boolean eraseList(List<Object> list) {
        var changed = false;
        for (int i = 0; i < list.size(); i++) {
            var value = list.get(i);
            if (value instanceof String text) {
                var erased = erase(text);
                if (!erased.equals(text)) {
                    list.set(i, erased);
                    changed = true;
                }
            } else if (value instanceof Map<?, ?> nested) {
                changed |= eraseMap((Map<String, Object>) nested, false);
            } else if (value instanceof List<?> inner) {
                changed |= eraseList((List<Object>) inner);
            }
        }
        return changed;
    }

    /** The UTF-8 text a generic binary holds, or null when it is not text. */
    private static String textOf(Binary binary) {
        if (binary.getType() != 0) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(binary.getData()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException notText) {
            return null;
        }
    }

    /** A stored event payload whose name or phone was erased: the address beside them goes too. */
    private String eraseAddressesInJson(String json) {
        try {
            var document = Document.parse(json);
            if (eraseAddresses(document)) {
                return document.toJson();
            }
        } catch (RuntimeException notJson) {
            // free text that merely looks like an object: the name and number are gone already
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private boolean eraseAddresses(Map<String, Object> map) {
        var changed = false;
        var erasedHere = map.values().stream().anyMatch(ERASED::equals);
        for (var entry : map.entrySet()) {
            if (erasedHere
                    && ADDRESS_FIELDS.contains(entry.getKey())
                    && entry.getValue() instanceof String s
                    && !s.equals(ERASED)) {
                entry.setValue(ERASED);
                changed = true;
            } else if (entry.getValue() instanceof Map<?, ?> nested) {
                changed |= eraseAddresses((Map<String, Object>) nested);
            } else if (entry.getValue() instanceof List<?> list) {
                for (var item : list) {
                    if (item instanceof Map<?, ?> nested) {
                        changed |= eraseAddresses((Map<String, Object>) nested);
                    }
                }
            }
        }
        return changed;
    }
}
