package dev.groundup.errors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value checked against its rules: the value if every field is right, otherwise what is wrong
 * with each field ({@code "title" -> "must not be blank"}). A form shows the errors next to its
 * fields; the JSON API turns them into one 422 with {@link #orThrow}.
 */
public record Checked<T>(T value, Map<String, String> errors) {
    public Checked {
        errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static <T> Checked<T> valid(T value) {
        return new Checked<>(value, Map.of());
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** What is wrong with {@code field}, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    /**
     * The value, or a 422 naming every wrong field as {@code errors[].pointer} (a JSON Pointer to
     * it) and {@code detail}; {@code what} names the whole in the detail, e.g. "The todo".
     */
    public T orThrow(String what) {
        if (errors.size() == 1) {
            Map.Entry<String, String> only = errors.entrySet().iterator().next();
            throw Problem.invalidField(only.getKey(), only.getValue());
        }
        if (!errors.isEmpty()) {
            List<Problem.Invalid> invalid = new ArrayList<>();
            StringBuilder detail = new StringBuilder(what).append(" is not valid:");
            errors.forEach((field, problem) -> {
                invalid.add(new Problem.Invalid(Problem.pointer(field), problem));
                detail.append(" field '").append(field).append("' ").append(problem).append(';');
            });
            detail.setLength(detail.length() - 1);
            throw new Problem(422, detail.append('.').toString(), invalid);
        }
        return value;
    }
}
