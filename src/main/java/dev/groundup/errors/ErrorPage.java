package dev.groundup.errors;

import dev.groundup.http.MediaType;
import dev.groundup.http.Responses;
import dev.groundup.views.PageHeaders;
import dev.groundup.views.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The error page: a status, its title and one sentence in the site's layout; never a stack trace or a version. */
final class ErrorPage {
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"),
            Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"),
            Map.entry(411, "Length Required"),
            Map.entry(413, "Content Too Large"),
            Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(416, "Range Not Satisfiable"),
            Map.entry(422, "Unprocessable Content"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(505, "HTTP Version Not Supported"));

    private ErrorPage() {
    }

    static String title(int status) {
        return TITLES.getOrDefault(status, status >= 500 ? "Server Error" : "Client Error");
    }

    static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take that method.";
            default -> status >= 500 ? Responses.OUR_FAULT : "The request could not be handled.";
        };
    }

    /** The page from {@code errors/error.jte}; {@code base} is the context path its links start with. */
    static byte[] html(Views views, String base, int status, String detail) {
        return views.render("errors/error.jte", new ErrorPageModel(base, status, title(status), detail));
    }

    static void write(Views views, HttpServletRequest request, HttpServletResponse response, int status,
                      String detail) throws IOException {
        PageHeaders.apply(response);
        Responses.sendError(request, response, status, MediaType.HTML,
                html(views, request.getContextPath(), status, detail));
    }
}
