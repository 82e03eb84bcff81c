package dev.groundup.todos;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Absolute links to todos, with the scheme and host the client used. Behind a reverse proxy
 * those are the proxy's, which only it can tell us (X-Forwarded-Proto, X-Forwarded-Host); any
 * client can send those headers too, so they count only when configured to ({@code --trust-proxy}).
 */
public final class Links {
    /** A host name, IPv4 or bracketed IPv6 address, and an optional port: nothing else goes into a link. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?");

    private final boolean trustProxy;

    public Links(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    String todo(HttpServletRequest request, long id) {
        return origin(request) + request.getContextPath() + "/api/todos/" + id;
    }

    /** {@code scheme://host[:port]}, as the container understood the request unless a trusted proxy says otherwise. */
    public String origin(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL(); // the container's reconstruction: default ports left out
        String scheme = request.getScheme();
        String authority = url.substring(scheme.length() + "://".length(), url.length() - request.getRequestURI().length());
        if (trustProxy) {
            String proto = first(request.getHeader("X-Forwarded-Proto"));
            if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
                scheme = proto.toLowerCase(Locale.ROOT);
            }
            String host = first(request.getHeader("X-Forwarded-Host"));
            if (host != null && HOST.matcher(host).matches()) {
                authority = host;
            }
        }
        return scheme + "://" + authority;
    }

    /** The first of a comma-separated list: the proxy nearest the client speaks first. */
    private static String first(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String value = (comma < 0 ? header : header.substring(0, comma)).trim();
        return value.isEmpty() ? null : value;
    }
}
