package dev.groundup.launcher;

import dev.groundup.bodies.Bodies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/1.1 connections whose parser refuses a chunked body as soon as a chunk's size line
 * announces more than the body limit. A Content-Length past the limit is refused before reading
 * (bodies.WholeBodyFilter); a chunk size is the chunked body's own announcement, and without this
 * a client that announces 16 MB and then stalls would hold its request until the body timeout.
 *
 * <p>Jetty's parser keeps the chunk size private, so it is read through a VarHandle once, at
 * class load; should a Jetty upgrade rename it, bodies are still refused past the limit as their
 * bytes arrive (and ChunkLimit's test fails).
 */
final class ChunkLimit extends HttpConnectionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkLimit.class);
    private static final VarHandle CHUNK_LENGTH = chunkLength();

    private final long maxBytes;

    ChunkLimit(HttpConfiguration http, long maxBytes) {
        super(http);
        this.maxBytes = maxBytes;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected HttpParser newHttpParser(HttpCompliance compliance) {
                HttpParser standard = super.newHttpParser(compliance);
                if (CHUNK_LENGTH == null) {
                    return standard;
                }
                HttpParser limited = new Limited((HttpParser.RequestHandler) standard.getHandler(),
                        getHttpConfiguration().getRequestHeaderSize(), compliance, maxBytes, this::refused);
                limited.setHeaderCacheSize(standard.getHeaderCacheSize());
                limited.setHeaderCacheCaseSensitive(standard.isHeaderCacheCaseSensitive());
                return limited;
            }

            /** Tells the body filter why the read is about to fail (the failure it sees says only "EOF"). */
            private void refused() {
                Request request = getHttpChannel().getRequest();
                if (request != null) {
                    request.setAttribute(Bodies.ANNOUNCED_TOO_LARGE, Boolean.TRUE);
                }
            }
        };
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private static VarHandle chunkLength() {
        try {
            return MethodHandles.privateLookupIn(HttpParser.class, MethodHandles.lookup())
                    .findVarHandle(HttpParser.class, "_chunkLength", long.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Jetty's parser has no chunk length to read ({}); chunked bodies are refused as they arrive", e.toString());
            return null;
        }
    }

    /** Checks each chunk's size as its size line ends: the body so far plus this chunk. */
    private static final class Limited extends HttpParser {
        private final long maxBytes;
        private final Runnable refused;

        Limited(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance, long maxBytes, Runnable refused) {
            super(handler, maxHeaderBytes, compliance);
            this.maxBytes = maxBytes;
            this.refused = refused;
        }

        @Override
        protected void setState(State state) {
            if (state == State.CHUNK && getContentRead() + (long) CHUNK_LENGTH.get(this) > maxBytes) {
                // Thrown inside parseNext, which turns it into badMessage: the request's body read
                // fails, and the body filter, seeing the attribute, answers 413.
                refused.run();
                throw new HttpException.RuntimeException(413, "A chunk's size takes the body past " + maxBytes + " bytes");
            }
            super.setState(state);
        }
    }
}
