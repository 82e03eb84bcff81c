package dev.groundup.bodies;

import dev.groundup.errors.Errors;
import dev.groundup.errors.Problem;
import dev.groundup.http.Responses;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a request's body with non-blocking reads, then dispatches the request, body in memory,
 * to its servlet. Requests without a body pass straight through.
 *
 * <p>All bodies held at once share a budget of memory: a request whose body would take more gets
 * 503, so that many slow clients cannot fill the heap where they could no longer take the threads.
 *
 * <p>Past {@code maxBytes} the body is refused with 413. A refused body (413 or 503) is read to its
 * end and dropped before the answer, up to {@link #DISCARD_LIMIT} past {@code maxBytes}, because
 * many clients write their whole body before they read and lose an answer sent on a connection
 * closed under them; past that the connection is closed.
 */
final class WholeBodyFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(WholeBodyFilter.class);
    static final long DISCARD_LIMIT = 4L * 1024 * 1024;

    private final long maxBytes;
    private final long timeoutMillis;
    /** Bytes of all bodies held in memory at once, at most; past it a new byte gets 503. */
    private final long budget;
    /** Bytes of bodies held right now: those still arriving and those whose request still runs. */
    private final AtomicLong held = new AtomicLong();
    /**
     * Each byte of a body counts this many times against the budget: once as the body, and for
     * what parsing it holds at its peak (Jackson's character buffer, the strings and tree it
     * builds; the tree's size is bounded by the mapper's token limit, see routing.Json).
     */
    private final int parseFactor;
    private volatile boolean stopping;

    WholeBodyFilter(long maxBytes, Duration timeout, long budget, int parseFactor) {
        this.maxBytes = maxBytes;
        this.parseFactor = parseFactor;
        this.timeoutMillis = timeout.toMillis();
        this.budget = budget;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long declared = request.getContentLengthLong();
        String transferEncoding = request.getHeader("Transfer-Encoding");
        if (transferEncoding != null) {
            Problem refused = refusedTransferEncoding(request.getProtocol(), transferEncoding);
            if (refused != null) {
                Errors.send(request, response, refused.header("Connection", "close"));
                return;
            }
        }
        boolean chunked = declared < 0 && transferEncoding != null;
        // HTTP/2 needs neither Content-Length nor Transfer-Encoding: a body there is its DATA frames,
        // unannounced. A request that may carry one is read as a chunked one is, or it would escape
        // the limit. (GET and HEAD bodies are never read, so those are not waited on.)
        boolean unannounced = declared < 0 && !request.getProtocol().startsWith("HTTP/1")
                && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        if (declared <= 0 && !chunked && !unannounced) {
            chain.doFilter(req, res);
            return;
        }
        if (declared > maxBytes + DISCARD_LIMIT
                || declared > maxBytes && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // Far too large, or the client waits to hear before it sends: refuse without reading.
            Errors.send(request, response, tooLarge().header("Connection", "close"));
            return;
        }
        BufferedRequest buffered = new BufferedRequest(request);
        AsyncContext async = request.startAsync(buffered, response);
        async.setTimeout(timeoutMillis);
        Reading reading = new Reading(request, response, buffered, async, request.getInputStream(),
                declared > Integer.MAX_VALUE - 16 ? -1 : declared);
        async.addListener(reading);
        reading.in.setReadListener(reading);
    }

    /**
     * RFC 9112 6.1: chunked is the only transfer coding read here, so a list of codings (such as
     * {@code gzip, chunked}) is 501 rather than a body taken without its gzip; and HTTP/1.0 has
     * no Transfer-Encoding, so a 1.0 request with one is framed ambiguously: 400.
     */
    static Problem refusedTransferEncoding(String protocol, String transferEncoding) {
        if ("HTTP/1.0".equals(protocol)) {
            return Problem.badRequest("HTTP/1.0 requests cannot use Transfer-Encoding; send Content-Length.");
        }
        if (!transferEncoding.trim().equalsIgnoreCase("chunked")) {
            return new Problem(501, "Only the chunked transfer coding is supported, not '" + transferEncoding.trim()
                    + "'; send the body uncompressed.");
        }
        return null;
    }

    /** The filter is stopping with its context: a body that fails to arrive now was cut off by the stop. */
    @Override
    public void destroy() {
        stopping = true;
    }

    /** Bytes of bodies held right now (for tests: the budget's state, observable). */
    long held() {
        return held.get();
    }

    private Problem tooLarge() {
        return new Problem(413, "The body is larger than " + maxBytes + " bytes.");
    }

    /** One body being read: called back by the container as bytes arrive, and on timeout. */
    private final class Reading implements ReadListener, AsyncListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final BufferedRequest buffered;
        private final AsyncContext async;
        private final ServletInputStream in;
        /** The body so far; null once it is refused and only counted. */
        private HeldBody body;
        private final byte[] chunk = new byte[8192];
        /** Set once the request is answered or dispatched: whatever comes later does nothing. */
        private final AtomicBoolean done = new AtomicBoolean();
        /** This body's share of {@link #held}, given back when the request completes. */
        private final AtomicLong reserved = new AtomicLong();
        private long received;
        /** Set when the body is refused (too large, or past the budget): from then on it is only counted. */
        private Problem refusal;

        Reading(HttpServletRequest request, HttpServletResponse response, BufferedRequest buffered,
                AsyncContext async, ServletInputStream in, long declared) {
            this.request = request;
            this.response = response;
            this.buffered = buffered;
            this.async = async;
            this.in = in;
            this.refusal = declared > maxBytes ? tooLarge() : null;
            this.body = refusal != null ? null : new HeldBody(declared);
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!done.get() && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) {
                    return; // onAllDataRead follows
                }
                received += n;
                if (refusal == null && received > maxBytes) {
                    refuse(tooLarge());
                }
                if (refusal == null) {
                    long more = body.toAllocate(n) * parseFactor;
                    reserved.addAndGet(more);
                    if (more > 0 && held.addAndGet(more) > budget) {
                        // Many large bodies at once: refuse this one rather than run out of memory.
                        refuse(new Problem(503, "The server is receiving too many request bodies; try again shortly.")
                                .header("Retry-After", "5"));
                        continue;
                    }
                    body.write(chunk, 0, n);
                } else if (received > maxBytes + DISCARD_LIMIT) {
                    answer(refusal.header("Connection", "close"));
                    return;
                }
            }
        }

        /** Drops what is held now; the rest is read and dropped too, and then {@code problem} answers. */
        private void refuse(Problem problem) {
            refusal = problem;
            body = null;
            release();
        }

        @Override
        public void onAllDataRead() throws IOException {
            if (refusal != null) {
                answer(refusal);
            } else if (done.compareAndSet(false, true)) {
                buffered.body(body);
                async.dispatch();
            }
        }

        /**
         * The body did not arrive as its framing said: a malformed chunk, a connection closed
         * before Content-Length was reached, a stop, or a fault of ours while reading. Never an
         * empty 200: the request was not handled, so its answer (and the access log) says why.
         */
        @Override
        public void onError(Throwable failure) {
            Problem problem;
            if (failure instanceof VirtualMachineError) {
                LOG.error("{} {}: failed while reading the body", request.getMethod(), request.getRequestURI(), failure);
                problem = new Problem(500, Responses.OUR_FAULT);
            } else if (request.getAttribute(Bodies.ANNOUNCED_TOO_LARGE) != null) {
                problem = tooLarge();
            } else if (stopping) {
                problem = new Problem(503, "The server is stopping; send the request again.").header("Retry-After", "5");
            } else {
                LOG.debug("{} {}: the body did not arrive: {}", request.getMethod(), request.getRequestURI(), failure.toString());
                problem = Problem.badRequest("The body did not arrive whole: the connection ended or its framing was invalid.");
            }
            try {
                answer(problem.header("Connection", "close"));
            } catch (IOException | RuntimeException unwritable) {
                // The connection is gone: the status set above is what the access log records.
                LOG.debug("{} {}: the answer could not be sent: {}", request.getMethod(), request.getRequestURI(),
                        unwritable.toString());
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            answer(new Problem(408, "The body did not arrive within " + timeoutMillis / 1000 + " seconds.")
                    .header("Connection", "close"));
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
            release();
        }

        private void release() {
            held.addAndGet(-reserved.getAndSet(0));
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private void answer(Problem problem) throws IOException {
            if (done.compareAndSet(false, true)) {
                // A refused body is dropped now, not when the container gets round to completing.
                body = null;
                release();
                try {
                    if (response.isCommitted()) {
                        return;
                    }
                    response.setStatus(problem.status());
                    Errors.send(request, response, problem);
                } finally {
                    async.complete();
                }
            }
        }
    }
}
