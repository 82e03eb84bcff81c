package dev.groundup.routing;

import dev.groundup.errors.Problem;
import dev.groundup.http.FormUrlEncoded;
import dev.groundup.http.Responses;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One request and its response, as a handler sees them: path and query parameters, the body as
 * JSON or as a form, cookies, and helpers that answer with a status, a type, an exact Content-Length and (except for
 * HEAD) the bytes. Client mistakes surface as {@link Problem}s, which the router renders.
 */
public final class Exchange {
    /** The form type, with no charset or UTF-8 (case and spaces as clients write them). */
    private static final Pattern FORM_TYPE = Pattern.compile(
            "(?i)application/x-www-form-urlencoded\\s*(;\\s*charset\\s*=\\s*\"?utf-8\"?\\s*)?");
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern COOKIE_VALUE = Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]*");

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Router.Bound bound;
    private final String[] segments;
    private final JsonBodies bodies;
    private Map<String, List<String>> query;
    private Map<String, List<String>> form;

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

    /** For headers a whole feature sets (e.g. the page security headers); the body goes out through {@link #bytes}. */
    public HttpServletResponse response() {
        return response;
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

    public String header(String name) {
        return request.getHeader(name);
    }

    /**
     * The first value of a field of the form in the body, decoded as queries are; null if absent.
     * The body must be {@code application/x-www-form-urlencoded} in UTF-8 (what a browser sends
     * for a plain {@code <form method="post">} on a UTF-8 page); anything else is a 415.
     */
    public String form(String name) throws IOException {
        if (form == null) {
            form = parseForm();
        }
        List<String> values = form.getOrDefault(name, List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    /** The value of the cookie {@code name} the client sent, or null. */
    public String cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /**
     * Sets a cookie for this application only ({@code Path} = the context path), out of reach of
     * scripts ({@code HttpOnly}) and not sent with other sites' POSTs ({@code SameSite=Lax});
     * {@code Secure} asks the browser to send it over HTTPS only. It lasts until the browser closes.
     * Written as the header itself, so every container sends the same attributes.
     */
    public Exchange cookie(String name, String value, boolean secure) {
        if (!COOKIE_NAME.matcher(name).matches() || !COOKIE_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a cookie name and value for RFC 6265: " + name);
        }
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        response.addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
        return this;
    }

    /**
     * 303 See Other to {@code location}, a path within this application such as
     * {@code /todos?filter=active}: the browser follows it with a GET (POST-redirect-GET).
     */
    public void seeOther(String location) {
        if (!location.startsWith("/") || location.startsWith("//")) {
            throw new IllegalArgumentException("not a path within this application: " + location);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + location);
        response.setContentLength(0);
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

    /** {@code status} with a rendered page (see {@code Views.render}), already UTF-8. */
    public void html(int status, byte[] page) throws IOException {
        bytes(status, Routes.HTML, page);
    }

    public void text(int status, String contentType, String text) throws IOException {
        bytes(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The response in one go: status, type, exact length, and the body unless this is HEAD. */
    public void bytes(int status, String contentType, byte[] body) throws IOException {
        Responses.send(request, response, status, contentType, body);
    }

    private Map<String, List<String>> parseForm() throws IOException {
        String type = request.getContentType();
        if (type == null || !FORM_TYPE.matcher(type).matches()) {
            throw new Problem(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Send the form as application/x-www-form-urlencoded in UTF-8.");
        }
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(request.getInputStream().readAllBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest("The form is not valid: it is not UTF-8.");
        }
        return FormUrlEncoded.parse(body, "The form");
    }
}
