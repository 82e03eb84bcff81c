package dev.groundup.routing;

import dev.groundup.errors.Problem;
import dev.groundup.http.MediaType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a request body as JSON, turning every way it can be wrong into the status and sentence
 * a client can act on: 415 for the wrong Content-Type, 400 for malformed JSON with its line
 * and column, 422 naming the field whose value has the wrong type. Jackson's own messages,
 * which can name our classes, never reach the client. (The body is in memory already, its size
 * checked: see {@link dev.groundup.bodies.Bodies}.)
 */
final class JsonBodies {
    private static final Logger LOG = LoggerFactory.getLogger(JsonBodies.class);

    private final ObjectMapper json;

    JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    ObjectMapper mapper() {
        return json;
    }

    <T> T read(HttpServletRequest request, Class<T> type) throws IOException {
        InputStream body = body(request);
        try {
            return json.readValue(body, type);
        } catch (JacksonException e) {
            throw problem(e, type);
        }
    }

    JsonNode readTree(HttpServletRequest request) throws IOException {
        InputStream body = body(request);
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw problem(e, JsonNode.class);
        }
    }

    /**
     * The body as a stream over the bytes already held (see {@link dev.groundup.bodies.Bodies}):
     * parsed from there, not from a copy, so what parsing holds is what the body budget counts.
     */
    private static InputStream body(HttpServletRequest request) throws IOException {
        requireJsonType(request.getContentType());
        // One byte read, not available(): a stream may have bytes to come while it has none at hand.
        PushbackInputStream body = new PushbackInputStream(request.getInputStream(), 1);
        int first = body.read();
        if (first < 0) {
            throw Problem.badRequest("The request has no body; send a JSON document.");
        }
        body.unread(first);
        return body;
    }

    /** {@code application/json} or any {@code application/*+json}, in UTF-8 (RFC 8259 §8.1). */
    static void requireJsonType(String contentType) {
        if (contentType == null) {
            throw unsupported("The request has no Content-Type; send the body as application/json.");
        }
        String type = MediaType.essence(contentType);
        String[] parts = contentType.split(";");
        if (!type.equals(MediaType.JSON) && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw unsupported("The body must be application/json, not " + type + ".");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param.length == 2 && param[0].trim().equalsIgnoreCase("charset")) {
                String charset = param[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    throw unsupported("JSON bodies must be UTF-8, not " + charset + ".");
                }
            }
        }
    }

    private static Problem unsupported(String detail) {
        return new Problem(415, detail).header("Accept-Post", MediaType.JSON).header("Accept-Patch", MediaType.JSON);
    }

    private static Problem problem(JacksonException e, Class<?> target) {
        LOG.debug("rejected a JSON body for {}", target.getName(), e);
        if (e instanceof StreamConstraintsException) {
            return new Problem(413, "The JSON body is more complex than this server reads: at most "
                    + Json.MAX_TOKENS + " tokens (names, values, brackets) and " + Json.MAX_NESTING + " levels of nesting.");
        }
        String field = fieldPath(e);
        if (e instanceof InvalidNullException) {
            return invalid(field, "must not be null");
        }
        if (e instanceof InputCoercionException coercion) {
            return invalid(field, "is out of range for " + describe(coercion.getTargetType()));
        }
        if (e instanceof MismatchedInputException && e.getPath().isEmpty()
                && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            // FAIL_ON_TRAILING_TOKENS reports it as a mismatch, but to the client it is a syntax error
            return Problem.badRequest("The body is not valid JSON: more follows the value" + where(e.getLocation()) + ".");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return invalid(field, "must be " + describe(mismatch.getTargetType()));
        }
        if (e instanceof StreamReadException) {
            String where = where(e.getLocation());
            return Problem.badRequest(e instanceof UnexpectedEndOfInputException
                    ? "The body is not valid JSON: it ends before the value is complete" + where + "."
                    : "The body is not valid JSON: unexpected input" + where + ".");
        }
        // A value our types refuse (a constructor check, an unknown enum name): say where, not why,
        // since the reason is Java's, not the client's.
        return invalid(field, "has a value that is not accepted");
    }

    private static Problem invalid(String field, String problem) {
        if (field.isEmpty()) {
            return new Problem(422, "The body " + problem + ".");
        }
        return Problem.invalidField(field, problem);
    }

    /** The JSON path of the failing value, e.g. {@code items/2/title}; empty for the whole body. */
    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()));
        }
        return path.toString();
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A JSON word for a Java type: what the client should have sent. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class
                || type.isEnum()) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type) || type == List.class) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || JsonNode.class.isAssignableFrom(type)
                || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "of another type";
    }
}
