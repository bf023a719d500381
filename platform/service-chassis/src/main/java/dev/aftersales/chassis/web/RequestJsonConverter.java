package dev.aftersales.chassis.web;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON request bodies so that one 400 names every field at fault. Type problems (an unknown
 * field, an enum value that does not exist, a text where a number belongs) are collected while
 * reading instead of stopping it; when there are any, the partly read body is bean-validated here
 * and both lists are answered together, a field named once (its type problem wins over the
 * {@code must not be null} its missing value would add). A body without type problems goes on to
 * the handler and its {@code @Valid} as usual. Bodies nested deeper than the JSON reader's limit are
 * refused naming the limit, and dates and times outside the years a record can be about
 * ({@link BoundedTimes}) as a type problem of their field.
 */
public final class RequestJsonConverter extends JacksonJsonHttpMessageConverter {

    private final SmartValidator validator;
    private final int maxDepth;

    /** Reads with {@code mapper}'s settings and validates with {@code validator} (Boot's, which Spring-aware constraints need). */
    public static RequestJsonConverter of(JsonMapper mapper, jakarta.validation.Validator validator) {
        return new RequestJsonConverter(
                mapper, validator instanceof SmartValidator smart ? smart : new SpringValidatorAdapter(validator));
    }

    private RequestJsonConverter(JsonMapper mapper, SmartValidator validator) {
        super(mapper.rebuild()
                .addHandler(new RequestBodyProblems.Handler())
                .addModule(new tools.jackson.databind.module.SimpleModule("bounded-times")
                        .setDeserializerModifier(new BoundedTimes()))
                .build());
        this.validator = validator;
        this.maxDepth = mapper.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth();
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        var problems = new RequestBodyProblems();
        var reader = getMapper()
                .readerFor(getJavaType(type.getType(), null))
                .withAttribute(RequestBodyProblems.class, problems);
        var charset = getCharset(input.getHeaders().getContentType());
        Object value;
        try (var body = input.getBody()) {
            value = charset == null || charset.equals(StandardCharsets.UTF_8)
                    ? reader.readValue(body)
                    : reader.readValue(new InputStreamReader(body, charset));
        } catch (StreamConstraintsException e) {
            throw beyondLimit(e);
        } catch (StreamReadException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
        } catch (DatabindException e) {
            if (e.getCause() instanceof StreamConstraintsException limit) {
                throw beyondLimit(limit);
            }
            if (problems.isEmpty()) {
                throw new HttpMessageNotReadableException("JSON binding error: " + e.getOriginalMessage(), e, input);
            }
            problems.add(ProblemDetailsAdvice.pathOf(e), "has the wrong type or format");
            value = null;
        }
        if (problems.isEmpty()) {
            return value;
        }
        throw new InvalidRequestException(merged(problems.list(), value));
    }

    private InvalidRequestException beyondLimit(StreamConstraintsException e) {
        var tooDeep = e.getMessage() != null && e.getMessage().contains("nesting depth");
        return new InvalidRequestException(
                "body",
                tooDeep
                        ? "is nested deeper than the limit of " + maxDepth + " levels"
                        : "exceeds a limit of the JSON reader");
    }

    /** The type problems, then what bean validation says of every field that has none. */
    private List<FieldProblem> merged(List<FieldProblem> typeProblems, Object value) {
        var all = new ArrayList<>(typeProblems);
        for (var violation : validate(value)) {
            var covered = typeProblems.stream()
                    .anyMatch(p -> violation.field().equals(p.field())
                            || violation.field().startsWith(p.field() + ".")
                            || violation.field().startsWith(p.field() + "["));
            if (!covered) {
                all.add(violation);
            }
        }
        return all;
    }

    private List<FieldProblem> validate(Object value) {
        var found = new ArrayList<FieldProblem>();
        if (value instanceof Collection<?> elements) {
            int i = 0;
            for (var element : elements) {
                var prefix = "[" + i++ + "]";
                validate(element)
                        .forEach(p -> found.add(new FieldProblem(
                                prefix + (p.field().equals("body") ? "" : "." + p.field()), p.message())));
            }
        } else if (value != null) {
            var errors = new BeanPropertyBindingResult(value, "body");
            validator.validate(value, errors);
            errors.getFieldErrors().forEach(e -> found.add(new FieldProblem(e.getField(), e.getDefaultMessage())));
            errors.getGlobalErrors().forEach(e -> found.add(new FieldProblem("body", e.getDefaultMessage())));
        }
        return found;
    }
}
