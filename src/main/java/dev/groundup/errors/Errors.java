package dev.groundup.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Error responses. Our own code answers errors directly with {@link #send}; errors the container
 * raises (no such file, an exception) reach {@link ErrorServlet}, web.xml's default error page.
 * Both render the same page, so a client never sees a container's own.
 */
public final class Errors {
    private Errors() {
    }

    /** Answers {@code status} with an error page that carries {@code detail}, a sentence for the client. */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        ErrorPage.write(request, response, status, detail);
    }
}
