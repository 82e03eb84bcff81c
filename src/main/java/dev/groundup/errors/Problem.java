package dev.groundup.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client-facing failure: thrown by handlers (or the router's body readers) and rendered by
 * {@link Errors} as RFC 9457 problem details or as the HTML error page. Its detail is meant for
 * the client, so it never carries internals; causes go to the log, not here.
 */
public final class Problem extends RuntimeException {
    /** One invalid member of a request body: a JSON Pointer to it and what is wrong. */
    public record Invalid(String pointer, String detail) {
    }

    private final int status;
    private final List<Invalid> invalid;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Problem(int status, String detail) {
        this(status, detail, List.of());
    }

    public Problem(int status, String detail, List<Invalid> invalid) {
        super(detail, null, false, false); // a client's mistake: no stack trace worth keeping
        this.status = status;
        this.invalid = List.copyOf(invalid);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, detail);
    }

    /** 422 for one field of a JSON body, e.g. {@code invalidField("title", "must not be blank")}. */
    public static Problem invalidField(String field, String problem) {
        return new Problem(422, "Field '" + field + "' " + problem + ".",
                List.of(new Invalid(pointer(field), problem)));
    }

    /** The JSON Pointer to a top-level member, e.g. {@code #/title}. */
    static String pointer(String field) {
        return "#/" + field.replace("~", "~0").replace("/", "~1");
    }

    /** Adds a response header, e.g. {@code Allow} on a 405. */
    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public List<Invalid> invalid() {
        return invalid;
    }

    Map<String, String> headers() {
        return headers;
    }
}
