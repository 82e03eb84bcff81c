package dev.groundup.routing;

import dev.groundup.errors.Errors;
import dev.groundup.errors.Problem;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cross-origin access to the API (Fetch standard, CORS protocol): answers preflights and marks
 * responses for the allowed origins, {@code *} (any) by default. Mapped to {@code /api/*} only:
 * the site's pages are not an API.
 */
final class Cors implements Filter {
    /** Browsers cap this (Chromium at 2 hours); a day lets the others cache longer. */
    static final String MAX_AGE = "86400";
    private static final Pattern HEADER_LIST = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*,\\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*");

    private final List<String> origins;
    private final boolean anyOrigin;
    private final Router router;

    /** {@code router} says which methods a path takes: a preflight advertises those, no others. */
    Cors(List<String> origins, Router router) {
        this.origins = List.copyOf(origins);
        this.anyOrigin = origins.contains("*");
        this.router = router;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!anyOrigin) {
            response.addHeader("Vary", "Origin"); // the answer depends on Origin: caches must key on it
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(req, res);
            return;
        }
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (!anyOrigin && !origins.contains(origin)) {
            if (preflight) {
                Errors.send(request, response, HttpServletResponse.SC_FORBIDDEN,
                        "This API does not accept requests from the origin " + origin + ".");
            } else {
                chain.doFilter(req, res); // served, but without CORS headers the browser keeps it from the page
            }
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        if (preflight) {
            String methods = allowedMethods(request);
            if (methods == null) {
                chain.doFilter(req, res); // nothing at this address: the router's 404, which fails the preflight
                return;
            }
            String requested = request.getHeader("Access-Control-Request-Headers");
            response.setHeader("Access-Control-Allow-Methods", methods);
            response.setHeader("Access-Control-Allow-Headers",
                    requested != null && HEADER_LIST.matcher(requested.trim()).matches()
                            ? requested.trim()
                            : "Content-Type, Accept");
            response.setHeader("Access-Control-Max-Age", MAX_AGE);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", "Location");
        chain.doFilter(req, res);
    }

    /** What the route table allows at the request's path ({@code Allow}), or null if nothing is there. */
    private String allowedMethods(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            Router.Match match = router.match("OPTIONS", path);
            return match == null ? null : match.allow();
        } catch (Problem malformed) {
            return null;
        }
    }
}
