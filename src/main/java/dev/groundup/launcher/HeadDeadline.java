package dev.groundup.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A total deadline for a request's line and headers. Jetty's idle timeout restarts with every
 * byte, so a client sending its headers a byte a second holds a connection for as long as it
 * likes (a "slowloris"); Jetty has no setting for the whole head. Once a second this looks at
 * every connection: one whose parser has been inside the same request's head for longer than the
 * deadline is closed. (A connection waiting for its first byte is idle, not in a head: the idle
 * timeout covers it.) Over TLS the same holds for the handshake, which a client can trickle too,
 * and then for the HTTP/1.1 heads inside the encrypted connection. (HTTP/2 sends a request's
 * headers as frames, which Jetty's HTTP/2 limits govern.)
 */
final class HeadDeadline extends AbstractLifeCycle {
    private static final long SWEEP_MILLIS = 1000;

    /** When a connection's current head began, and which request it is (the count of those before). */
    private record Head(long startedNanos, long requestsBefore) {
    }

    private final AbstractConnector connector;
    private final long deadlineNanos;
    private final Map<EndPoint, Head> heads = new ConcurrentHashMap<>();
    private volatile Scheduler.Task next;

    HeadDeadline(AbstractConnector connector, Duration deadline) {
        this.connector = connector;
        this.deadlineNanos = deadline.toNanos();
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
        heads.clear();
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = connector.getScheduler().schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            Set<EndPoint> open = Set.copyOf(connector.getConnectedEndPoints());
            heads.keySet().retainAll(open);
            for (EndPoint endPoint : open) {
                Connection connection = endPoint.getConnection();
                long requests;
                if (connection instanceof SslConnection tls && inHandshake(tls)) {
                    requests = HANDSHAKE;
                } else {
                    if (connection instanceof SslConnection tls) {
                        connection = tls.getSslEndPoint().getConnection(); // what ALPN chose, inside TLS
                    }
                    if (!(connection instanceof HttpConnection http) || !inHead(http.getParser())) {
                        heads.remove(endPoint);
                        continue;
                    }
                    requests = http.getMessagesIn();
                }
                Head head = heads.get(endPoint);
                if (head == null || head.requestsBefore() != requests) {
                    heads.put(endPoint, new Head(now, requests));
                } else if (now - head.startedNanos() > deadlineNanos) {
                    heads.remove(endPoint);
                    endPoint.close();
                }
            }
        } finally {
            schedule();
        }
    }

    /** Stands for the request count while the TLS handshake goes on, before any request. */
    private static final long HANDSHAKE = -1;

    /**
     * Some of a TLS handshake has arrived, not all of it: until the handshake ends the engine's
     * session is the placeholder whose suite is SSL_NULL_WITH_NULL_NULL (see SSLEngine#getSession).
     */
    private static boolean inHandshake(SslConnection tls) {
        return tls.getBytesIn() > 0 && "SSL_NULL_WITH_NULL_NULL".equals(tls.getSSLEngine().getSession().getCipherSuite());
    }

    /** Some of a request line or its headers has arrived, not all of it. */
    private static boolean inHead(HttpParser parser) {
        return parser.inHeaderState() && !parser.isStart();
    }
}
