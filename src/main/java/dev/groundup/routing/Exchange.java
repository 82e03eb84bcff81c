package dev.groundup.routing;

import dev.groundup.errors.Problem;
import dev.groundup.http.FormUrlEncoded;
import dev.groundup.http.Responses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One request and its response, as a handler sees them: path and query parameters, the body as
 * JSON, and helpers that answer with a status, a type, an exact Content-Length and (except for
 * HEAD) the bytes. Client mistakes surface as {@link Problem}s, which the router renders.
 */
public final class Exchange {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Router.Bound bound;
    private final String[] segments;
    private final JsonBodies bodies;
    private Map<String, List<String>> query;

    Exchange(HttpServletRequest request, HttpServletResponse response, Router.Bound bound, String[] segments,
             JsonBodies bodies) {
        this.request = request;
        this.response = response;
        this.bound = bound;
        this.segments = segments;
        this.bodies = bodies;
    }

    public HttpServletRequest request() {
        return request;
    }

    /** A path parameter, percent-decoded; the template must declare it. */
    public String pathParam(String name) {
        String[] names = bound.names;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return segments[bound.positions[i]];
            }
        }
        throw new IllegalArgumentException(bound.route.template() + " has no parameter '" + name + "'");
    }

    /** A path parameter as a {@code long}: declare it {@code {name:long}}, or a non-number is a 404 here. */
    public long pathLong(String name) {
        String value = pathParam(name);
        if (!Router.isLong(value)) {
            throw Problem.notFound("There is nothing at this address: '" + value + "' is not a number.");
        }
        return Long.parseLong(value);
    }

    /** The first value of a query parameter, decoded; null if absent. */
    public String query(String name) {
        List<String> values = queries(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a query parameter, in order. */
    public List<String> queries(String name) {
        if (query == null) {
            query = FormUrlEncoded.parse(request.getQueryString(), "The address");
        }
        return query.getOrDefault(name, List.of());
    }

    /** A query parameter as a {@code long}, or {@code fallback} if absent; anything else is a 400. */
    public long queryLong(String name, long fallback) {
        String value = query(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("Query parameter '" + name + "' must be an integer, not '" + value + "'.");
        }
    }

    /** The body, a JSON document, bound to {@code type} (a record, usually). */
    public <T> T body(Class<T> type) throws IOException {
        return bodies.read(request, type);
    }

    /** The body as a JSON tree, for when absent and null must be told apart (PATCH). */
    public JsonNode bodyTree() throws IOException {
        return bodies.readTree(request);
    }

    /** Sets a response header; returns this, so {@code ex.header(...).json(value)} reads as one line. */
    public Exchange header(String name, String value) {
        response.setHeader(name, value);
        return this;
    }

    /** 200 with {@code value} as JSON. */
    public void json(Object value) throws IOException {
        json(HttpServletResponse.SC_OK, value);
    }

    public void json(int status, Object value) throws IOException {
        bytes(status, Routes.JSON, bodies.mapper().writeValueAsBytes(value));
    }

    /** 201 Created, {@code Location} naming the new resource, and its JSON representation. */
    public void created(String location, Object value) throws IOException {
        response.setHeader("Location", location);
        json(HttpServletResponse.SC_CREATED, value);
    }

    public void noContent() {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** 200 with {@code html}, which the caller has escaped (see {@code Html.escape}). */
    public void html(String html) throws IOException {
        text(HttpServletResponse.SC_OK, Routes.HTML, html);
    }

    public void text(int status, String contentType, String text) throws IOException {
        bytes(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The response in one go: status, type, exact length, and the body unless this is HEAD. */
    public void bytes(int status, String contentType, byte[] body) throws IOException {
        Responses.send(request, response, status, contentType, body);
    }
}
