package dev.groundup.routing;

import dev.groundup.Accept;
import dev.groundup.db.Outages;
import dev.groundup.errors.Errors;
import dev.groundup.errors.Problem;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one servlet behind every route: resolves the path in the {@link Router}, answers 404, 405,
 * OPTIONS and 406 itself, runs the handler, and renders what it throws. Mapped (by
 * {@link Routing}) to exactly the paths the routes can match, so everything else keeps going to
 * the servlets and files it went to before.
 */
final class RouterServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(RouterServlet.class);

    private final transient Router router;
    private final transient JsonBodies bodies;

    RouterServlet(Router router, JsonBodies bodies) {
        this.router = router;
        this.bodies = bodies;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        String path = request.getRequestURI(); // raw, still percent-encoded: the router decodes per segment
        String contextPath = request.getContextPath();
        if (!contextPath.isEmpty()) {
            path = path.substring(contextPath.length());
        }
        try {
            Router.Match match = router.match(method, path);
            if (match == null) {
                throw Problem.notFound("There is nothing at this address.");
            }
            if (match.bound() == null) {
                response.setHeader("Allow", match.allow());
                if (method.equals("OPTIONS")) {
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    return;
                }
                throw new Problem(HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                        method + " is not supported here; use " + match.allow() + ".");
            }
            Routes.Route route = match.bound().route;
            String produces = route.produces();
            if (produces != null && !Accept.admits(request.getHeader("Accept"), mediaType(produces))) {
                throw new Problem(HttpServletResponse.SC_NOT_ACCEPTABLE, "This address answers with "
                        + mediaType(produces) + " only, which the request's Accept header rules out.");
            }
            route.handler().handle(new Exchange(request, response, match.bound(), match.segments(), bodies));
        } catch (Problem problem) {
            fail(request, response, problem);
        } catch (IOException e) {
            throw e; // the connection broke: there is no one to answer
        } catch (Exception e) {
            if (Outages.isOutage(e)) {
                // Not a bug but an outage: the client may retry, and the load balancer's /health says the same.
                LOG.warn("{} {}: the database is not answering: {}", method, path, e.toString());
                fail(request, response, new Problem(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "The database is not answering; try again shortly.").header("Retry-After", Outages.RETRY_AFTER_SECONDS));
                return;
            }
            LOG.error("{} {} failed", method, path, e);
            fail(request, response, new Problem(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "Something went wrong on our side. It has been logged."));
        }
    }

    private static void fail(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        if (response.isCommitted()) {
            LOG.warn("{} {}: {} after the response was committed: {}", request.getMethod(), request.getRequestURI(),
                    problem.status(), problem.detail());
            return;
        }
        Errors.send(request, response, problem);
    }

    /** {@code text/html} from {@code text/html;charset=utf-8}. */
    private static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return semi < 0 ? contentType : contentType.substring(0, semi).trim();
    }
}
