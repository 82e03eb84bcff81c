package dev.groundup.hello;

import dev.groundup.errors.Errors;
import dev.groundup.errors.Problem;
import dev.groundup.http.FormUrlEncoded;
import dev.groundup.http.MediaType;
import dev.groundup.http.Responses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The seed's first server, kept readable: each {@code doXxx} delegates to {@link #respond},
 * which calls {@link #handleHttp} for status, type, length and the bytes.
 */
final class HelloServlet extends HttpServlet {

    static final String ALLOW = "GET, HEAD, POST, OPTIONS";
    /** Enough for any name; a larger form is refused. */
    static final int MAX_FORM_BYTES = 16 * 1024;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        switch (request.getMethod()) {
            case "GET", "HEAD", "POST", "OPTIONS" -> super.service(request, response);
            default -> {
                response.setHeader("Allow", ALLOW);
                Errors.send(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                        request.getMethod() + " is not supported here; use " + ALLOW + ".");
            }
        }
    }

    /** {@code GET /hello?name=Ada}: a name in the address, what a newcomer tries first. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        greet(request, response, () -> first(FormUrlEncoded.parse(request.getQueryString(), "The address")));
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        greet(request, response, () -> nameFromForm(request));
    }

    private interface NameSource {
        String name() throws IOException;
    }

    /** The one greeting rule (see {@link Greetings#name}) over a name from wherever the method finds it. */
    private void greet(HttpServletRequest request, HttpServletResponse response, NameSource source) throws IOException {
        String name;
        try {
            name = Greetings.name(source.name());
        } catch (Problem problem) {
            Errors.send(request, response, problem);
            return;
        }
        respond(request, response, name);
    }

    private static String first(java.util.Map<String, List<String>> fields) {
        List<String> names = fields.getOrDefault("name", List.of());
        return names.isEmpty() ? null : names.get(0);
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Allow", ALLOW);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT); // as every route and file answers OPTIONS
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        handleHttp(request, response, HttpServletResponse.SC_OK, MediaType.HTML, Greetings.html(name));
    }

    /** Sets status, Content-Type and Content-Length, and sends the text unless this is HEAD. */
    private void handleHttp(HttpServletRequest request, HttpServletResponse response, int status, String contentType,
                            String text) throws IOException {
        Responses.send(request, response, status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code name} field of a url-encoded form, or null; other bodies are not ours to read. */
    private static String nameFromForm(HttpServletRequest request) throws IOException {
        if (!MediaType.FORM.equals(MediaType.essence(request.getContentType()))) {
            return null;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // Already in memory (see Bodies); a chunked body declared no length, so count what is there.
            body = in.readNBytes(MAX_FORM_BYTES + 1);
        }
        if (body.length > MAX_FORM_BYTES) {
            throw new Problem(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The form is larger than " + MAX_FORM_BYTES + " bytes.");
        }
        return first(FormUrlEncoded.parse(new String(body, StandardCharsets.UTF_8), "The form"));
    }
}
