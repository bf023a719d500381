package dev.aftersales.contracts.bounds;

import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Finds the components of records that could grow without bound: every {@code String}, collection
 * and map must carry {@code @Size(max = …)} (directly, on the type use, or through a composed
 * constraint), and the elements, keys and values of collections and maps are checked the same way,
 * nested records included. Numbers, booleans, enums and time values are bounded by their type (and
 * the JSON reader's number-length limit). Any other type cannot be judged and is reported.
 */
public final class RecordBounds {

    private final boolean primitivesAllowed;
    private final List<String> faults = new ArrayList<>();
    private final Set<Class<?>> seen = new HashSet<>();

    private RecordBounds(boolean primitivesAllowed) {
        this.primitivesAllowed = primitivesAllowed;
    }

    /** What is unbounded in the given records and everything they contain. */
    public static List<String> unboundedIn(Collection<Class<?>> records) {
        var bounds = new RecordBounds(true);
        records.forEach(r -> bounds.record(r, r.getSimpleName()));
        return List.copyOf(bounds.faults);
    }

    /**
     * What is unbounded in a request body of {@code type}, named {@code name}. Request bodies also
     * must not have primitive components: a missing primitive cannot be told from zero, and is not
     * named with the other faults of the body.
     *
     * @param parameterAnnotations the annotations on the body parameter itself
     */
    public static List<String> unboundedInRequestBody(
            String name, AnnotatedType type, Annotation[] parameterAnnotations) {
        var bounds = new RecordBounds(false);
        bounds.check(type, parameterAnnotations, name);
        return List.copyOf(bounds.faults);
    }

    private void record(Class<?> type, String path) {
        if (!seen.add(type)) {
            return;
        }
        for (var component : type.getRecordComponents()) {
            var annotations = Stream.of(
                            component.getAnnotations(),
                            component.getAccessor().getAnnotations(),
                            fieldAnnotations(type, component.getName()))
                    .flatMap(Stream::of)
                    .toArray(Annotation[]::new);
            check(component.getAnnotatedType(), annotations, path + "." + component.getName());
        }
    }

    private static Annotation[] fieldAnnotations(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).getAnnotations();
        } catch (NoSuchFieldException e) {
            return new Annotation[0];
        }
    }

    private void check(AnnotatedType annotated, Annotation[] declared, String path) {
        var raw = raw(annotated.getType());
        if (raw == null) {
            faults.add(path + ": type " + annotated.getType() + " cannot be checked");
            return;
        }
        if (raw.isPrimitive()) {
            if (!primitivesAllowed && raw != boolean.class) {
                faults.add(path + ": primitive " + raw + "; use " + raw.getSimpleName() + "'s wrapper with @NotNull");
            }
            return;
        }
        if (CharSequence.class.isAssignableFrom(raw)) {
            requireSize(annotated, declared, path, "text");
            return;
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            requireSize(annotated, declared, path, "list");
            elements(annotated, path);
            return;
        }
        if (Map.class.isAssignableFrom(raw)) {
            requireSize(annotated, declared, path, "map");
            elements(annotated, path);
            return;
        }
        if (raw.isRecord()) {
            record(raw, path);
            return;
        }
        if (!boundedByType(raw)) {
            faults.add(path + ": type " + raw.getName() + " cannot be checked; use a record or a bounded type");
        }
    }

    private void elements(AnnotatedType annotated, String path) {
        if (annotated instanceof AnnotatedArrayType array) {
            check(array.getAnnotatedGenericComponentType(), new Annotation[0], path + "[]");
        } else if (annotated instanceof AnnotatedParameterizedType parameterized) {
            var arguments = parameterized.getAnnotatedActualTypeArguments();
            if (arguments.length == 1) {
                check(arguments[0], new Annotation[0], path + "[]");
            } else {
                check(arguments[0], new Annotation[0], path + "{key}");
                check(arguments[1], new Annotation[0], path + "{value}");
            }
        } else {
            faults.add(path + ": raw " + annotated.getType() + "; name its element type");
        }
    }

    private void requireSize(AnnotatedType annotated, Annotation[] declared, String path, String what) {
        var all = Stream.concat(Stream.of(annotated.getAnnotations()), Stream.of(declared));
        if (all.noneMatch(RecordBounds::boundsSize)) {
            faults.add(path + ": " + what + " without @Size(max = …)");
        }
    }

    /** {@code @Size} with a maximum, or a constraint composed with one. */
    private static boolean boundsSize(Annotation annotation) {
        if (annotation instanceof Size size) {
            return size.max() < Integer.MAX_VALUE;
        }
        if (annotation instanceof Size.List list) {
            return Stream.of(list.value()).anyMatch(RecordBounds::boundsSize);
        }
        var type = annotation.annotationType();
        return !type.getPackageName().startsWith("java.")
                && Stream.of(type.getAnnotations())
                        .filter(a -> a.annotationType() != type)
                        .anyMatch(a -> a instanceof Size size && size.max() < Integer.MAX_VALUE);
    }

    private static boolean boundedByType(Class<?> raw) {
        return raw.isEnum()
                || raw == Boolean.class
                || raw == Character.class
                || (Number.class.isAssignableFrom(raw)
                        && (raw.getPackageName().equals("java.lang")
                                || raw == BigDecimal.class
                                || raw == BigInteger.class))
                || Temporal.class.isAssignableFrom(raw)
                || TemporalAmount.class.isAssignableFrom(raw)
                || raw == UUID.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof java.lang.reflect.GenericArrayType) {
            return Object[].class;
        }
        return null;
    }
}
