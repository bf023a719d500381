package dev.aftersales.chassis.web;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.outbox.EventTooLargeException;
import dev.aftersales.chassis.trace.TraceContext;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error answer is RFC 9457 {@code application/problem+json}. Invalid input names each field
 * at fault in {@code errors} as a JSON path ({@code contact.phone}, {@code machine.serialNumber}).
 * Unknown JSON fields are rejected: a misspelt field would otherwise be silently dropped from a
 * customer's record. Titles and the chassis' field messages follow {@code Accept-Language} (zh-CN or
 * en, {@link ProblemTexts}).
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    public static final URI INVALID_REQUEST = URI.create("urn:aftersales:problem:invalid-request");
    public static final URI NOT_FOUND = URI.create("urn:aftersales:problem:not-found");
    public static final URI CONFLICT = ConflictException.CONFLICT;
    public static final URI PAYLOAD_TOO_LARGE = URI.create("urn:aftersales:problem:payload-too-large");
    public static final URI EVENT_TOO_LARGE = URI.create("urn:aftersales:problem:event-too-large");
    public static final URI FORBIDDEN = URI.create("urn:aftersales:problem:forbidden");
    public static final URI INTERNAL = URI.create("urn:aftersales:problem:internal");
    public static final URI TOO_MANY_REQUESTS = URI.create("urn:aftersales:problem:too-many-requests");

    /** Builds a 400 problem listing the fields at fault. */
    public static ProblemDetail invalid(List<FieldProblem> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setType(INVALID_REQUEST);
        problem.setTitle(ProblemTexts.title("invalid-request", "Invalid request"));
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(e -> new FieldProblem(e.field(), ProblemTexts.field(e.message())))
                        .sorted(Comparator.comparing(FieldProblem::field))
                        .toList());
        return withTrace(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> new FieldProblem(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof PayloadTooLargeException tooLarge) {
            return payloadTooLarge(tooLarge);
        }
        return ResponseEntity.badRequest().body(invalid(List.of(unreadable(ex.getCause()))));
    }

    private static FieldProblem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(pathOf(unknown), "unknown field");
        }
        if (cause instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            var allowed = List.of(format.getTargetType().getEnumConstants());
            return new FieldProblem(pathOf(format), "must be one of " + allowed);
        }
        if (cause instanceof DatabindException binding && !binding.getPath().isEmpty()) {
            return new FieldProblem(pathOf(binding), "has the wrong type or format");
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return new FieldProblem("body", "is not well-formed JSON");
        }
        return new FieldProblem("body", "is missing or unreadable");
    }

    static String pathOf(DatabindException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
        return ResponseEntity.badRequest().body(invalid(ex.errors()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        var errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldProblem(ex.getName(), "has the wrong type or format"))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return status(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
        return status(HttpStatus.CONFLICT, ex.type(), "Conflict", ex.getMessage());
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(Exception ex) {
        return status(
                HttpStatus.CONFLICT, CONFLICT, "Conflict", "The record was changed meanwhile; read it and try again.");
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(status(HttpStatus.CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE, "Payload too large", ex.getMessage())
                        .getBody());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException ex) {
        var answer = status(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS, "Too many requests", ex.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
                .body(answer.getBody());
    }

    /** Refused before anything was saved: the change would raise an event too large to publish. */
    @ExceptionHandler(EventTooLargeException.class)
    ResponseEntity<ProblemDetail> eventTooLarge(EventTooLargeException ex) {
        return status(HttpStatus.CONTENT_TOO_LARGE, EVENT_TOO_LARGE, "Change too large", ex.getMessage());
    }

    /** Method security throws these inside the handler; answer them like the filter chain would. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
        return status(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", "Your role does not allow this.");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
        return status(
                HttpStatus.UNAUTHORIZED,
                URI.create("urn:aftersales:problem:unauthenticated"),
                "Unauthenticated",
                "A valid bearer token is required.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("unexpected error", ex);
        return status(
                HttpStatus.INTERNAL_SERVER_ERROR,
                INTERNAL,
                "Internal error",
                "Something went wrong on our side; quote the trace id.");
    }

    private static ResponseEntity<ProblemDetail> status(HttpStatus status, URI type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(ProblemTexts.title(slugOf(type), title));
        return ResponseEntity.status(status).body(withTrace(problem));
    }

    private static String slugOf(URI type) {
        var text = type.toString();
        return text.substring(text.lastIndexOf(':') + 1);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            withTrace(problem);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail withTrace(ProblemDetail problem) {
        var traceparent = TraceContext.current();
        if (traceparent != null) {
            problem.setProperty("traceId", TraceContext.traceIdOf(traceparent));
        }
        return problem;
    }
}
