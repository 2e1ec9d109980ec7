package dk.skp.model.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Reads whole-number query parameters (such as {@code limit}) so that a value that is not a number is a 400
 * problem+json naming the parameter. Without this, JAX-RS answers a bare 404 (its rule for query parameters that
 * cannot be converted), which tells a client nothing.
 */
@Provider
public class NumberParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != int.class && rawType != Integer.class) {
            return null;
        }
        String name = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            } else if (annotation instanceof PathParam path) {
                name = path.value();
            }
        }
        if (name == null) {
            return null;
        }
        return (ParamConverter<T>) new WholeNumber(name);
    }

    private record WholeNumber(String name) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, null,
                        List.of(new FieldError(name, "query.number")), null, null);
            }
        }

        @Override
        public String toString(Integer value) {
            return value == null ? null : value.toString();
        }
    }
}
