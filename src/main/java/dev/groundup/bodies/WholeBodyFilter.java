package dev.groundup.bodies;

import dev.groundup.errors.Errors;
import dev.groundup.errors.Problem;
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
import java.io.ByteArrayOutputStream;
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
 * <p>Past {@code maxBytes} the body is refused with 413. Up to {@link #DISCARD_LIMIT} more is read
 * and dropped first, because many clients write their whole body before they read and lose an
 * answer sent on a connection closed under them; past that the connection is closed.
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

    WholeBodyFilter(long maxBytes, Duration timeout, long budget) {
        this.maxBytes = maxBytes;
        this.timeoutMillis = timeout.toMillis();
        this.budget = budget;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long declared = request.getContentLengthLong();
        boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
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
        Reading reading = new Reading(request, response, buffered, async, request.getInputStream(), declared);
        async.addListener(reading);
        reading.in.setReadListener(reading);
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
        /** The body so far; null once it is too large and only counted. */
        private ByteArrayOutputStream body;
        private final byte[] chunk = new byte[8192];
        /** Set once the request is answered or dispatched: whatever comes later does nothing. */
        private final AtomicBoolean done = new AtomicBoolean();
        /** This body's share of {@link #held}, given back when the request completes. */
        private final AtomicLong reserved = new AtomicLong();
        private long received;
        private boolean tooLarge;

        Reading(HttpServletRequest request, HttpServletResponse response, BufferedRequest buffered,
                AsyncContext async, ServletInputStream in, long declared) {
            this.request = request;
            this.response = response;
            this.buffered = buffered;
            this.async = async;
            this.in = in;
            this.tooLarge = declared > maxBytes;
            this.body = tooLarge ? null : new ByteArrayOutputStream((int) Math.min(Math.max(declared, 512), 64 * 1024));
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!done.get() && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) {
                    return; // onAllDataRead follows
                }
                received += n;
                if (!tooLarge && received > maxBytes) {
                    tooLarge = true;
                    body = null;
                    release();
                }
                if (!tooLarge) {
                    reserved.addAndGet(n);
                    if (held.addAndGet(n) > budget) {
                        // Many large bodies at once: refuse this one rather than run out of memory.
                        answer(new Problem(503, "The server is receiving too many request bodies; try again shortly.")
                                .header("Retry-After", "5").header("Connection", "close"));
                        return;
                    }
                    body.write(chunk, 0, n);
                } else if (received > maxBytes + DISCARD_LIMIT) {
                    answer(tooLarge().header("Connection", "close"));
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() throws IOException {
            if (tooLarge) {
                answer(tooLarge());
            } else if (done.compareAndSet(false, true)) {
                buffered.body(body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable failure) {
            // The connection broke or idled out mid-body: there is no one left to answer.
            LOG.debug("{} {}: the body did not arrive: {}", request.getMethod(), request.getRequestURI(), failure.toString());
            if (done.compareAndSet(false, true)) {
                async.complete();
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
                    Errors.send(request, response, problem);
                } finally {
                    async.complete();
                }
            }
        }
    }
}
