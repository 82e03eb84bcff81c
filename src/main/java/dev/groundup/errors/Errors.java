package dev.groundup.errors;

import dev.groundup.http.Accept;
import dev.groundup.views.Views;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Error responses. Our own code answers errors directly with {@link #send}; errors the container
 * raises (no such file, an exception) reach {@link ErrorServlet}, web.xml's default error page.
 * Both choose the same way: RFC 9457 problem details ({@code application/problem+json}) under
 * {@code /api/} and for clients that prefer JSON, the HTML error page for everyone else.
 */
public final class Errors {
    /** Where {@link #install} leaves the problem writer and the views; context attributes, so no static state. */
    private static final String ATTRIBUTE = ProblemJson.class.getName();
    private static final String VIEWS = ErrorPage.class.getName();

    private Errors() {
    }

    /**
     * Called once by the wiring: problem details are written with the application's one mapper,
     * error pages rendered by its views.
     */
    public static void install(ServletContext context, ObjectMapper json, Views views) {
        context.setAttribute(ATTRIBUTE, new ProblemJson(json));
        context.setAttribute(VIEWS, views);
    }

    /** {@link #install} with the precompiled templates, for tests that wire a piece of the application. */
    public static void install(ServletContext context, ObjectMapper json) {
        install(context, json, Views.precompiled());
    }

    /** Answers {@code status} with {@code detail}, a sentence for the client. */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        send(request, response, new Problem(status, detail));
    }

    /** Answers with {@code problem}: its status, headers, detail and invalid fields. */
    public static void send(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        problem.headers().forEach(response::setHeader);
        String path = path(request);
        if (wantsJson(request, path)) {
            problemJson(request).write(request, response, problem, path);
        } else {
            ErrorPage.write((Views) installed(request, VIEWS), request, response, problem.status(), problem.detail());
        }
    }

    /**
     * The HTML error page's bytes, for errors answered outside the servlet layer (the launcher's,
     * whose application is at the root).
     */
    public static byte[] page(Views views, int status, String detail) {
        return ErrorPage.html(views, "", status, detail);
    }

    /**
     * Problem details' bytes, for errors answered outside the servlet layer (the launcher's);
     * written with Jackson's shared mapper, as no context's is at hand there.
     */
    public static byte[] problemJson(Problem problem, String path, String requestId) {
        return new ProblemJson(JsonMapper.shared()).bytes(problem, path, requestId);
    }

    /** The sentence an error page shows when there is nothing more particular to say. */
    public static String defaultDetail(int status) {
        return ErrorPage.defaultDetail(status);
    }

    static boolean wantsJson(HttpServletRequest request, String path) {
        return wantsJson(path, request.getHeader("Accept"));
    }

    /** API paths always get JSON; elsewhere the client's Accept decides. */
    public static boolean wantsJson(String path, String accept) {
        return path.equals("/api") || path.startsWith("/api/") || Accept.prefersJson(accept);
    }

    /** The path the client asked for, without the context path; on an error dispatch, the original one. */
    static String path(HttpServletRequest request) {
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original
                : request.getRequestURI();
        String contextPath = request.getContextPath();
        return uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
    }

    private static ProblemJson problemJson(HttpServletRequest request) {
        return (ProblemJson) installed(request, ATTRIBUTE);
    }

    private static Object installed(HttpServletRequest request, String attribute) {
        Object value = request.getServletContext().getAttribute(attribute);
        if (value == null) {
            throw new IllegalStateException("Errors.install was not called by the wiring");
        }
        return value;
    }
}
