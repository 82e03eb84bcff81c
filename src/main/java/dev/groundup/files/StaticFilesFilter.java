package dev.groundup.files;

import dev.groundup.errors.Errors;
import dev.groundup.http.MediaType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * In front of the container's default servlet: what Jetty and Tomcat leave out or do differently.
 *
 * <p>A plain GET or HEAD of a file (no Range, no condition, no Accept-Encoding for a compressible
 * type) only gets its Cache-Control and Vary here and goes straight to the container, so Jetty can
 * write its cached bytes directly; everything else goes through {@link StaticRequest} and
 * {@link StaticResponse}.
 */
final class StaticFilesFilter implements Filter {
    static final String ALLOW = "GET, HEAD, OPTIONS";

    private final ServletContext context;
    private final HiddenFiles hidden;
    private final DirectoryListing listing;

    /** @param listing lists folders without index.html, or null for none (404) */
    StaticFilesFilter(ServletContext context, HiddenFiles hidden, DirectoryListing listing) {
        this.context = context;
        this.hidden = hidden;
        this.listing = listing;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String method = request.getMethod();
        if (method.equals("OPTIONS")) {
            // Like every route: 204 with Allow where there is something, 404 where there is not.
            if (!exists(pathInContext(request))) {
                Errors.send(request, response, HttpServletResponse.SC_NOT_FOUND, "There is nothing at this address.");
                return;
            }
            response.setHeader("Allow", ALLOW);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", ALLOW);
            Errors.send(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "Files here are read-only: " + method + " is not supported; use " + ALLOW + ".");
            return;
        }
        String refusal = StaticPaths.refusal(request.getRequestURI());
        if (refusal != null) {
            Errors.send(request, response, HttpServletResponse.SC_BAD_REQUEST, refusal);
            return;
        }

        String path = pathInContext(request);
        if (hidden.hidden(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // as if it were not there
            return;
        }
        boolean directory = path.endsWith("/");
        if (directory && listing != null && listing.send(request, response, path)) {
            return;
        }
        String type = directory ? null : context.getMimeType(path);
        boolean compressible = directory || MediaTypes.compressible(type);
        String cacheControl = CachePolicy.cacheControl(path, type);
        if (compressible) {
            response.setHeader("Vary", "Accept-Encoding");
        }
        String acceptEncoding = request.getHeader("Accept-Encoding");
        boolean ranged = request.getHeader("Range") != null;
        if (!directory && plain(request, type, acceptEncoding != null)) {
            response.setHeader("Cache-Control", cacheControl);
            chain.doFilter(request, response);
            return;
        }

        String ifNoneMatch = request.getHeader("If-None-Match");
        boolean gzip = compressible && !ranged && ContentCodings.accepts(acceptEncoding, ContentCodings.GZIP);
        boolean headOnly = gzip && method.equals("HEAD");
        StaticRequest wrappedRequest = new StaticRequest(request, ranged && !ifRangeHolds(request, path), headOnly,
                compressible ? ContentCodings.acceptable(acceptEncoding) : null);
        // Without a type, nosniff makes browsers refuse a file: one the table does not know is a download.
        StaticResponse wrappedResponse = new StaticResponse(response, cacheControl,
                directory || type != null ? null : MediaType.OCTET_STREAM, gzip, headOnly, directory,
                ifNoneMatch == null ? null : ContentCodings.codingIn(ifNoneMatch),
                ifNoneMatch != null && ifNoneMatch.trim().equals("*"));
        chain.doFilter(wrappedRequest, wrappedResponse);
        wrappedResponse.finish();
    }

    /** Whether the site has something at {@code path} that the default servlet would serve. */
    private boolean exists(String path) {
        String upper = path.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("/WEB-INF") || upper.startsWith("/META-INF")) {
            return false;
        }
        try {
            return context.getResource(path) != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }

    /** The path inside the site, decoded, as the default servlet sees it. */
    private static String pathInContext(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }

    /**
     * RFC 9110 13.1.5, which Jetty does not implement. Our ETags are weak, and a weak tag never
     * matches strongly, so only a date can hold: the file's Last-Modified, to the second.
     */
    private boolean ifRangeHolds(HttpServletRequest request, String path) {
        String ifRange = request.getHeader("If-Range");
        if (ifRange == null) {
            return true;
        }
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
            return false;
        }
        long since;
        try {
            since = ZonedDateTime.parse(ifRange.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return false;
        }
        long modified = lastModified(path);
        return modified > 0 && modified / 1000 == since / 1000;
    }

    /** The rule the launcher's fast path follows too: see {@link StaticFiles#plain}. */
    private static boolean plain(HttpServletRequest request, String type, boolean acceptEncoding) {
        for (String header : StaticFiles.NOT_PLAIN) {
            if (request.getHeader(header) != null) {
                return false;
            }
        }
        return StaticFiles.plain(type, acceptEncoding);
    }

    private long lastModified(String path) {
        try {
            URL file = context.getResource(path.endsWith("/") ? path + "index.html" : path);
            return file == null ? -1 : file.openConnection().getLastModified();
        } catch (MalformedURLException e) {
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
