package dev.groundup.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The scheme, host and path prefix the client used, for absolute links. Behind a reverse proxy
 * those are the proxy's, which only it can tell us: the standard {@code Forwarded} header (RFC
 * 7239, {@code proto=} and {@code host=}), or {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}
 * when it sends no {@code Forwarded}, and {@code X-Forwarded-Prefix} for a path it strips. Any
 * client can send those headers too, so they count only when configured to ({@code --trust-proxy}),
 * and only well-formed values.
 */
public final class RequestOrigin {
    /** A host name, IPv4 or bracketed IPv6 address, and an optional port: nothing else goes into a link. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?");
    /** Path segments of unreserved characters and sub-delims, no dot segments: nothing else goes into a link. */
    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9_~!$&'()*+,;=:@-][A-Za-z0-9._~!$&'()*+,;=:@-]*)+/?");

    private final boolean trustProxy;

    public RequestOrigin(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    /** {@code scheme://host[:port]}, as the container understood the request unless a trusted proxy says otherwise. */
    public String of(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL(); // the container's reconstruction: default ports left out
        String scheme = request.getScheme();
        String authority = url.substring(scheme.length() + "://".length(), url.length() - request.getRequestURI().length());
        if (trustProxy) {
            String forwarded = request.getHeader("Forwarded");
            String proto = forwarded != null ? parameter(forwarded, "proto") : first(request.getHeader("X-Forwarded-Proto"));
            String host = forwarded != null ? parameter(forwarded, "host") : first(request.getHeader("X-Forwarded-Host"));
            if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
                scheme = proto.toLowerCase(Locale.ROOT);
            }
            if (host != null && HOST.matcher(host).matches()) {
                authority = host;
            }
        }
        return scheme + "://" + authority;
    }

    /**
     * Where the application's paths start as the client sees them: {@link #of} then the path a
     * trusted proxy strips ({@code X-Forwarded-Prefix: /app}) and the context path.
     */
    public String base(HttpServletRequest request) {
        String prefix = trustProxy ? first(request.getHeader("X-Forwarded-Prefix")) : null;
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            prefix = "";
        } else if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return of(request) + prefix + request.getContextPath();
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

    /**
     * A parameter of the first element of a Forwarded header ({@code for=a;proto=https;host=x, for=b}),
     * unquoted, or null. A quoted value may hold commas and semicolons: this reads it as RFC 7239 does.
     */
    static String parameter(String forwarded, String name) {
        int i = 0;
        int n = forwarded.length();
        while (i < n) {
            while (i < n && (forwarded.charAt(i) == ' ' || forwarded.charAt(i) == '\t' || forwarded.charAt(i) == ';')) {
                i++;
            }
            int eq = forwarded.indexOf('=', i);
            if (i >= n || forwarded.charAt(i) == ',' || eq < 0) {
                return null; // the first element has ended
            }
            String key = forwarded.substring(i, eq).trim();
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && forwarded.charAt(i) == '"') {
                for (i++; i < n && forwarded.charAt(i) != '"'; i++) {
                    if (forwarded.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(forwarded.charAt(i));
                }
                i++; // the closing quote
            } else {
                for (; i < n && forwarded.charAt(i) != ';' && forwarded.charAt(i) != ','; i++) {
                    value.append(forwarded.charAt(i));
                }
            }
            if (key.equalsIgnoreCase(name)) {
                String v = value.toString().trim();
                return v.isEmpty() ? null : v;
            }
            while (i < n && forwarded.charAt(i) == ' ') {
                i++;
            }
            if (i < n && forwarded.charAt(i) == ',') {
                return null;
            }
        }
        return null;
    }
}
