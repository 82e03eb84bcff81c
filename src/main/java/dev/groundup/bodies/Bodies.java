package dev.groundup.bodies;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.EnumSet;

/**
 * Request bodies arrive whole before a servlet sees them, read without holding a thread while
 * they trickle in. A servlet that reads its body with blocking I/O holds a thread for as long as
 * the client takes to send it: a few hundred clients sending a byte every few seconds would hold
 * every thread of the pool, and the server would stop answering anyone (a "slow body" attack).
 * Here the body is collected with the Servlet API's non-blocking reads, then the request is
 * dispatched to its servlet with the body in memory.
 */
public final class Bodies {
    private Bodies() {
    }

    /**
     * Set on a request (to anything) by a container that saw its body's framing announce more than
     * the body limit and failed the read: the launcher's parser does on a chunk size past the
     * limit. The body filter then answers 413 rather than 400.
     */
    public static final String ANNOUNCED_TOO_LARGE = Bodies.class.getName() + ".announcedTooLarge";

    /**
     * Collects the bodies of requests to {@code servletNames}, at most {@code maxBytes} each (more
     * gets 413), each whole within {@code timeout} (else 408), all at once within a quarter of the
     * heap (else 503), each byte counted {@link #PARSE_FACTOR} times. Those servlets, and every
     * filter in front of them, must support async.
     */
    public static void install(ServletContext context, long maxBytes, Duration timeout, String... servletNames) {
        install(context, maxBytes, timeout, Runtime.getRuntime().maxMemory() / 4, PARSE_FACTOR, servletNames);
    }

    /**
     * What a JSON body holds at its peak, per byte: the bytes (1), the strings parsed from them
     * (up to 2: a char of a Latin-1 string mixed with one non-Latin-1 char takes 2 bytes) and
     * Jackson's character buffer while it builds the longest of them (up to 3, with its growth).
     * The tree's nodes are bounded apart, by the mapper's token limit (routing.Json).
     */
    static final int PARSE_FACTOR = 6;

    /**
     * As above with a budget and factor of its own; returns the filter so a test can watch what it
     * holds.
     */
    static WholeBodyFilter install(ServletContext context, long maxBytes, Duration timeout, long budget,
            int parseFactor, String... servletNames) {
        WholeBodyFilter filter = new WholeBodyFilter(maxBytes, timeout, budget, parseFactor);
        var registration = context.addFilter("bodies", filter);
        registration.setAsyncSupported(true);
        registration.addMappingForServletNames(EnumSet.of(DispatcherType.REQUEST), true, servletNames);
        return filter;
    }
}
