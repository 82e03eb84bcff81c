package dev.groundup.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A response body compressed on the fly. The compressed bytes are kept in memory up to
 * {@link #MAX_BUFFERED} so the response can carry a Content-Length; past that they are sent on as
 * they come (chunked).
 */
final class GzipBody {
    /** Below this, gzip's header and the extra round of work cost more than they save. */
    static final int MIN_COMPRESSED = 1024;
    static final int MAX_BUFFERED = 64 * 1024;

    /** Where compressed bytes go once they are sent. */
    interface Sink {
        void send(byte[] bytes, int offset, int length) throws IOException;
    }

    private final Held compressed;
    private final GZIPOutputStream gzip;

    GzipBody(Sink sink) throws IOException {
        compressed = new Held(sink);
        gzip = new GZIPOutputStream(compressed, 8192);
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        gzip.write(bytes, offset, length);
    }

    /** Completes the compressed stream; its length if all of it is still held, else -1 (it went out chunked). */
    long finish() throws IOException {
        gzip.finish();
        return compressed.spilled ? -1 : compressed.held.size();
    }

    /** Sends what is held, and frees the native Deflater now rather than at GC. */
    void close() throws IOException {
        gzip.close();
    }

    private static final class Held extends OutputStream {
        private final Sink sink;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private boolean spilled;

        Held(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!spilled && held.size() + length <= MAX_BUFFERED) {
                held.write(bytes, offset, length);
                return;
            }
            if (!spilled) {
                spilled = true;
                sink.send(held.toByteArray(), 0, held.size());
                held.reset();
            }
            sink.send(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (!spilled) {
                sink.send(held.toByteArray(), 0, held.size());
            }
        }
    }
}
