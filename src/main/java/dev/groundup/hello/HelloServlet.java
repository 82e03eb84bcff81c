package dev.groundup.hello;

import dev.groundup.Html;
import dev.groundup.errors.Errors;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The seed's first server, kept readable: each {@code doXxx} delegates to {@link #respond},
 * which calls {@link #handleHttp} for status, type and length, then writes the bytes it returns.
 */
final class HelloServlet extends HttpServlet {

    static final String ALLOW = "GET, HEAD, POST, OPTIONS";
    /** Enough for any name; a larger form is refused rather than read. */
    static final int MAX_FORM_BYTES = 16 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";

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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        respond(request, response, "World");
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        respond(request, response, "World");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name;
        try {
            name = nameFromForm(request);
        } catch (FormException e) {
            Errors.send(request, response, e.status, e.getMessage());
            return;
        }
        respond(request, response, name == null ? "World" : name);
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Allow", ALLOW);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(0);
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        byte[] content = handleHttp(response, HttpServletResponse.SC_OK, "text/html;charset=utf-8",
                "Hello " + Html.escape(name));
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(content);
        }
    }

    /** Sets status, Content-Type and Content-Length; returns the content to send. */
    private byte[] handleHttp(HttpServletResponse response, int status, String contentType, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(content.length);
        return content;
    }

    /** The {@code name} field of a url-encoded form, or null; other bodies are not ours to read. */
    private static String nameFromForm(HttpServletRequest request) throws IOException, FormException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            return null;
        }
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            throw new FormException(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The form is larger than " + MAX_FORM_BYTES + " bytes.");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // Count what actually arrives: a chunked body has no Content-Length to trust.
            body = in.readNBytes(MAX_FORM_BYTES + 1);
        }
        if (body.length > MAX_FORM_BYTES) {
            throw new FormException(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The form is larger than " + MAX_FORM_BYTES + " bytes.");
        }
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals("name")) {
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1)).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String decode(String s) throws FormException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new FormException(HttpServletResponse.SC_BAD_REQUEST,
                    "The form is not valid application/x-www-form-urlencoded: bad percent-encoding.");
        }
    }

    private static final class FormException extends Exception {
        final int status;

        FormException(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
