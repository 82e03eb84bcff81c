package dev.groundup.errors;

import dev.groundup.http.Html;
import dev.groundup.http.MediaType;
import dev.groundup.http.Responses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The error page: a status, its title and one sentence; never a stack trace or a version. */
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

    static byte[] html(int status, String detail) {
        String heading = status + " " + title(status);
        return ("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + heading + "</title></head>\n<body>\n<main>\n<h1>" + heading + "</h1>\n<p>"
                + Html.escape(detail) + "</p>\n<p><a href=\"/\">Home</a></p>\n</main>\n</body>\n</html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        Responses.sendError(request, response, status, MediaType.HTML, html(status, detail));
    }
}
