package dk.skp.model.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Every error either service returns is RFC 9457 problem+json in Danish or English. None of them echoes a value
 * the client sent: a rejected field value may well be a name or a diagnosis.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Errors in a stable order, whichever rule found them first. */
    private static final Comparator<FieldError> BY_FIELD = Comparator.comparing(FieldError::field)
            .thenComparing(FieldError::message);

    private ProblemMappers() {
    }

    abstract static class Base<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        HttpHeaders headers;
        @Context
        UriInfo uri;

        Locale locale() {
            return ProblemResponses.locale(headers);
        }

        /** The resource class that took the request (not the path, which the client wrote). */
        String resource() {
            try {
                return uri == null || uri.getMatchedResources().isEmpty() ? "no resource"
                        : uri.getMatchedResources().get(0).getClass().getSimpleName().replace("_Subclass", "");
            } catch (RuntimeException e) {
                return "an unknown resource";
            }
        }

        Response problem(ProblemType type, String detail, List<FieldError> errors) {
            return ProblemResponses.of(type, locale(), detail, uri, errors, null);
        }
    }

    @Provider
    public static class ProblemExceptionMapper extends Base<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            if (e.type().status() >= 500) {
                // Never the cause's message: a database error's detail repeats the values it refused.
                LOG.warnf("answering %d: %s", e.type().status(), e.getCause() == null ? e.getMessage()
                        : Failures.describe(e.getCause()));
            }
            Locale locale = locale();
            String detail = e.detailKey() == null ? null : localized(locale, e.detailKey());
            // Services name field errors by message key, with any arguments after a '|'; the reader's language is known here.
            List<FieldError> errors = e.errors().stream()
                    .map(f -> new FieldError(f.field(), localized(locale, f.message())))
                    .sorted(BY_FIELD)
                    .toList();
            return ProblemResponses.of(e.type(), locale, detail, uri, errors, e.retryAfter());
        }
    }

    static String localized(Locale locale, String keyAndArguments) {
        return ProblemType.message(locale, keyAndArguments);
    }

    @Provider
    public static class ConstraintViolationMapper extends Base<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new FieldError(jsonPath(v), v.getMessage()))
                    .sorted(BY_FIELD)
                    .toList();
            return problem(ProblemType.INVALID_FIELDS, null, errors);
        }

        /** The path as the client knows it: {@code observations.indicators[0]}, without the Java method's name. */
        static String jsonPath(ConstraintViolation<?> violation) {
            StringBuilder path = new StringBuilder();
            String parameter = null;
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    parameter = node.getName();
                    continue;
                }
                if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER
                        || node.getKind() == ElementKind.RETURN_VALUE) {
                    continue;
                }
                if (node.getIndex() != null && path.length() > 0) {
                    path.append('[').append(node.getIndex()).append(']');
                }
                if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                    continue;
                }
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(node.getName());
            }
            // A constraint on a whole parameter names the parameter: a query parameter, or "body" for the request body.
            if (path.length() == 0) {
                return parameter != null ? parameter : "body";
            }
            return path.toString();
        }
    }

    /** Bodies that are JSON but not in the documented shape: unknown fields, wrong types, unknown codes. */
    @Provider
    public static class JsonMappingMapper extends Base<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            return problem(ProblemType.MALFORMED_REQUEST, null, List.of(fieldError(e, locale())));
        }

        static FieldError fieldError(JsonMappingException e, Locale locale) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            if (field.isEmpty()) {
                return new FieldError("body", ProblemType.text(locale, "body.notJson"));
            }
            if (e instanceof StorableText.UnstorableTextException) {
                return new FieldError(field, ProblemType.text(locale, "field.unstorable"));
            }
            if (e instanceof UnrecognizedPropertyException) {
                return new FieldError(field, ProblemType.text(locale, "field.unknown"));
            }
            if (e instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                return new FieldError(field, MessageFormat.format(ProblemType.text(locale, "field.notOneOf"),
                        wireNames(format.getTargetType())));
            }
            return new FieldError(field, ProblemType.text(locale, "field.malformed"));
        }

        private static String wireNames(Class<?> enumType) {
            return Arrays.stream(enumType.getFields()).filter(java.lang.reflect.Field::isEnumConstant)
                    .map(f -> {
                        JsonProperty renamed = f.getAnnotation(JsonProperty.class);
                        return renamed != null ? renamed.value() : f.getName();
                    })
                    .collect(Collectors.joining(", "));
        }
    }

    /** Replaces the framework's own mapper for this subtype, which would echo the rejected value. */
    @Provider
    public static class MismatchedInputMapper extends Base<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return problem(ProblemType.MALFORMED_REQUEST, null, List.of(JsonMappingMapper.fieldError(e, locale())));
        }
    }

    /** Bodies that are not JSON at all. */
    @Provider
    public static class JsonProcessingMapper extends Base<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof JsonMappingException mapping) {
                return problem(ProblemType.MALFORMED_REQUEST, null, List.of(JsonMappingMapper.fieldError(mapping, locale())));
            }
            return problem(ProblemType.MALFORMED_REQUEST, null,
                    List.of(new FieldError("body", ProblemType.text(locale(), "body.notJson"))));
        }
    }

    /** 401, 403, 404, 405, 406, 415 and the like, raised by the framework. */
    @Provider
    public static class WebApplicationMapper extends Base<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException json) {
                return with(new JsonProcessingMapper(), headers, uri).toResponse(json);
            }
            if (cause instanceof ProblemException refused) {
                // A parameter converter's refusal (see NumberParameters), which JAX-RS wrapped in a 404.
                return with(new ProblemExceptionMapper(), headers, uri).toResponse(refused);
            }
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            ProblemType type = ProblemType.forStatus(status);
            Response problem = problem(type, null, null);
            if (status != type.status()) {
                return Response.fromResponse(problem).status(status).build();
            }
            return problem;
        }
    }

    @Provider
    public static class UnexpectedMapper extends Base<Exception> {
        @Override
        public Response toResponse(Exception e) {
            // Neither the path nor the exception's messages, which may hold what the client sent: the resource that
            // failed, the exception classes (and SQLStates) and where it was thrown.
            LOG.errorf("unexpected failure answering a request to %s: %s", resource(), Failures.describeWithPlace(e));
            return problem(ProblemType.INTERNAL_ERROR, null, null);
        }
    }

    static <M extends Base<?>> M with(M mapper, HttpHeaders headers, UriInfo uri) {
        mapper.headers = headers;
        mapper.uri = uri;
        return mapper;
    }
}
