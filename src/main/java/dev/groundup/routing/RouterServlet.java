package dev.groundup.routing;

import dev.groundup.errors.Errors;
import dev.groundup.errors.ExceptionMapper;
import dev.groundup.errors.Problem;
import dev.groundup.http.Accept;
import dev.groundup.http.MediaType;
import dev.groundup.http.Responses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one servlet behind every route: resolves the path in the {@link Router}, answers 404, 405,
 * OPTIONS and 406 itself, runs the handler, and renders what it throws: a {@link Problem} as it
 * is, another exception as the first {@link ExceptionMapper} that knows it says. Mapped (by
 * {@link Routing}) to exactly the paths the routes can match, so everything else keeps going to
 * the servlets and files it went to before.
 */
final class RouterServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(RouterServlet.class);

    private final transient Router router;
    private final transient JsonBodies bodies;
    private final transient List<ExceptionMapper> mappers;

    RouterServlet(Router router, JsonBodies bodies, List<ExceptionMapper> mappers) {
        this.router = router;
        this.bodies = bodies;
        this.mappers = List.copyOf(mappers);
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
            request.setAttribute(Routing.ROUTE_ATTRIBUTE, route.template());
            String produces = route.produces();
            if (produces != null && !Accept.admits(request.getHeader("Accept"), MediaType.essence(produces))) {
                throw new Problem(HttpServletResponse.SC_NOT_ACCEPTABLE, "This address answers with "
                        + MediaType.essence(produces) + " only, which the request's Accept header rules out.");
            }
            route.handler().handle(new Exchange(request, response, match.bound(), match.segments(), bodies));
        } catch (Problem problem) {
            fail(request, response, problem);
        } catch (IOException e) {
            throw e; // the connection broke: there is no one to answer
        } catch (Exception e) {
            for (ExceptionMapper mapper : mappers) {
                Problem mapped = mapper.problemFor(e);
                if (mapped != null) {
                    // Known, so not a bug: one line for the operator, no stack trace.
                    LOG.warn("{} {}: {} {}: {}", method, path, mapped.status(), mapped.detail(), e.toString());
                    fail(request, response, mapped);
                    return;
                }
            }
            LOG.error("{} {} failed", method, path, e);
            fail(request, response, new Problem(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Responses.OUR_FAULT));
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
}
