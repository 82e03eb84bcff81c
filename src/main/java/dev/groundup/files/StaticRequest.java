package dev.groundup.files;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The request as the container's default servlet should see it: without Range when If-Range
 * failed (Jetty ignores If-Range), with If-None-Match tags stripped of our coding suffixes (Tomcat
 * would not recognise them), Accept-Encoding reduced to what we may serve, and HEAD turned into GET
 * when the body must be compressed to know GET's headers.
 */
final class StaticRequest extends HttpServletRequestWrapper {
    private static final String RANGE = "Range";
    private static final String IF_RANGE = "If-Range";
    private static final String IF_NONE_MATCH = "If-None-Match";
    private static final String ACCEPT_ENCODING = "Accept-Encoding";

    private final boolean hideRange;
    private final boolean headAsGet;
    private final String acceptEncoding;

    /** @param acceptEncoding what the servlet sees as Accept-Encoding; null hides the header */
    StaticRequest(HttpServletRequest request, boolean hideRange, boolean headAsGet, String acceptEncoding) {
        super(request);
        this.hideRange = hideRange;
        this.headAsGet = headAsGet;
        this.acceptEncoding = acceptEncoding;
    }

    @Override
    public String getMethod() {
        return headAsGet ? "GET" : super.getMethod();
    }

    @Override
    public String getHeader(String name) {
        if (hidden(name)) {
            return null;
        }
        if (ACCEPT_ENCODING.equalsIgnoreCase(name)) {
            return acceptEncoding;
        }
        String value = super.getHeader(name);
        return value != null && IF_NONE_MATCH.equalsIgnoreCase(name) ? ContentCodings.withoutCodings(value) : value;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (hidden(name)) {
            return Collections.emptyEnumeration();
        }
        if (ACCEPT_ENCODING.equalsIgnoreCase(name)) {
            return acceptEncoding == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(acceptEncoding));
        }
        if (!IF_NONE_MATCH.equalsIgnoreCase(name)) {
            return super.getHeaders(name);
        }
        List<String> values = Collections.list(super.getHeaders(name)).stream()
                .map(ContentCodings::withoutCodings).toList();
        return Collections.enumeration(values);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                .filter(name -> !hidden(name) && !(acceptEncoding == null && ACCEPT_ENCODING.equalsIgnoreCase(name)))
                .toList());
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    private boolean hidden(String name) {
        return hideRange && (RANGE.equalsIgnoreCase(name) || IF_RANGE.equalsIgnoreCase(name));
    }
}
