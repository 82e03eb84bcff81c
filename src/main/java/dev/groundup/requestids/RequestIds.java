package dev.groundup.requestids;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every response carries {@code X-Request-Id}: the client's (or its proxy's) when it is well formed,
 * else a new random one. The same id is in the access log (the containers log the response
 * header), in log lines written while the request is served (SLF4J's MDC, key {@code requestId}),
 * and in problem details as {@code requestId}.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The request attribute holding the id; the launcher sets it before the application runs. */
    public static final String ATTRIBUTE = RequestIds.class.getName();
    public static final String MDC_KEY = "requestId";
    public static final String FILTER = "request-ids";
    private static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /** First of all filters, for requests, their asynchronous dispatches and error pages alike. */
    public static void install(ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter(FILTER, new RequestIdFilter());
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR), false, "/*");
    }

    /** This request's id, or null outside a request the filter or the launcher has seen. */
    public static String of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
    }

    /** {@code fromClient} if it is a well-formed id, else a new one. */
    public static String accept(String fromClient) {
        return wellFormed(fromClient) ? fromClient : newId();
    }

    /**
     * 1 to 128 characters of letters, digits and {@code - _ . : = + /}: UUIDs, ULIDs, hex and
     * base64 ids and the usual proxies' formats pass; nothing that could split or forge a log line does.
     */
    static boolean wellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':' || c == '=' || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A random (version 4) UUID. Not a secret, only unique, so the cheap generator will do. */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
