package dev.groundup.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The one way a whole response goes out: status, type, exact length, and the bytes unless this is HEAD. */
public final class Responses {
    /** What a 5xx tells the client; the log has the rest. */
    public static final String OUR_FAULT = "Something went wrong on our side. It has been logged.";
    /** Error answers are about this request only: no cache keeps them. */
    public static final String ERROR_CACHE_CONTROL = "no-store";

    private Responses() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String contentType,
                            byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** An error answer: whatever was buffered is dropped, and no cache keeps it. */
    public static void sendError(HttpServletRequest request, HttpServletResponse response, int status,
                                 String contentType, byte[] body) throws IOException {
        response.resetBuffer();
        response.setHeader("Cache-Control", ERROR_CACHE_CONTROL);
        send(request, response, status, contentType, body);
    }
}
