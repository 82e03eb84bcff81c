package dev.groundup.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * web.xml's default error page, for errors the container raises: the same HTML page or problem
 * details as {@link Errors#send}. Container messages are not shown (they can name classes or
 * versions); the exception, if any, goes to the log. Public only because web.xml names it.
 */
public final class ErrorServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorServlet.class);

    /** All methods: an error dispatch keeps the method of the request that failed. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code
                : HttpServletResponse.SC_NOT_FOUND; // asked for directly: /error, *.jsp
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            if (status >= 500) {
                LOG.error("{} {} failed", request.getMethod(),
                        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
            } else {
                // The client's mistake, found by the container (a malformed chunk): not worth a stack per request.
                LOG.debug("{} {}: {} {}", request.getMethod(), request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                        status, failure.toString());
            }
        }
        Errors.send(request, response, status, ErrorPage.defaultDetail(status));
    }
}
