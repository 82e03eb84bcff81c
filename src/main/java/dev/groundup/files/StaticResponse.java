package dev.groundup.files;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The default servlet's response, finished by us when its headers are known and before any byte
 * leaves: Cache-Control on success only, the coding in the ETag, "no listing" as 404 (Jetty says
 * 403), and a {@link GzipBody} for compressible bodies over {@link GzipBody#MIN_COMPRESSED} bytes.
 */
final class StaticResponse extends HttpServletResponseWrapper {
    private enum State { UNDECIDED, IDENTITY, GZIP, NO_BODY, ERROR }

    private final String cacheControl;
    private final String fallbackType;
    private final boolean gzipAllowed;
    private final boolean headOnly;
    private final boolean directory;
    private final String presentedCoding;
    private final boolean ifNoneMatchAny;

    private State state = State.UNDECIDED;
    private boolean finished;
    private long declaredLength = -1;
    private long identityBytes;
    /** Identity bytes held while we cannot tell yet whether the body is over the threshold. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private GzipBody gzip;
    private ServletOutputStream stream;
    private PrintWriter writer;

    /**
     * @param fallbackType the Content-Type of a file the container finds none for, or null
     * @param headOnly the client asked for HEAD; the servlet was told GET so we see the body, which
     *     we measure but do not send
     * @param presentedCoding the coding named by the client's If-None-Match, for the ETag of a 304
     * @param ifNoneMatchAny the client sent {@code If-None-Match: *}: any existing file is not modified
     */
    StaticResponse(HttpServletResponse response, String cacheControl, String fallbackType, boolean gzipAllowed,
            boolean headOnly, boolean directory, String presentedCoding, boolean ifNoneMatchAny) {
        super(response);
        this.cacheControl = cacheControl;
        this.fallbackType = fallbackType;
        this.gzipAllowed = gzipAllowed;
        this.headOnly = headOnly;
        this.directory = directory;
        this.presentedCoding = presentedCoding;
        this.ifNoneMatchAny = ifNoneMatchAny;
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        declaredLength = length;
        super.setContentLengthLong(length);
    }

    @Override
    public void setHeader(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            setContentLengthLong(value == null ? -1 : Long.parseLong(value.trim()));
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            setContentLengthLong(Long.parseLong(value.trim()));
        } else if ("Vary".equalsIgnoreCase(name) && getHeaders("Vary").stream().anyMatch(value::equalsIgnoreCase)) {
            return; // the filter has said it already; Tomcat would say it twice
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (status == SC_NOT_MODIFIED) {
            notModified();
            return;
        }
        state = State.ERROR;
        super.sendError(noListing(status), message);
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    /** Jetty sends 304 as an error, which drops the headers a 304 must repeat; we send it as a status. */
    private void notModified() throws IOException {
        super.setStatus(SC_NOT_MODIFIED);
        decide(true);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        state = State.ERROR;
        super.sendRedirect(location);
    }

    /** Jetty refuses a directory without index.html with 403; Tomcat, like us, says it is not there. */
    private int noListing(int status) {
        return directory && status == SC_FORBIDDEN ? SC_NOT_FOUND : status;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has been called");
        }
        if (stream == null) {
            stream = new Body();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has been called");
            }
            stream = new Body();
            writer = new PrintWriter(new OutputStreamWriter(stream, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (state == State.UNDECIDED) {
            decide(false);
        }
        if (state == State.IDENTITY) {
            super.flushBuffer();
        }
    }

    @Override
    public void reset() {
        super.reset();
        state = State.UNDECIDED;
        declaredLength = -1;
        identityBytes = 0;
        pending.reset();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        pending.reset();
    }

    /** Called once the servlet is done: settles headers of bodiless answers and sends what is held. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (writer != null) {
            writer.flush();
        }
        switch (state) {
            case ERROR, NO_BODY -> {
                return;
            }
            case UNDECIDED -> decide(true);
            default -> {
            }
        }
        if (state == State.GZIP) {
            long length = gzip.finish();
            if (length >= 0) {
                super.setContentLengthLong(length); // which HEAD then repeats
            }
            gzip.close();
        } else if (headOnly && declaredLength < 0 && !isCommitted()) {
            super.setContentLengthLong(identityBytes); // what GET would have sent
        }
    }

    /**
     * Settles the headers, once: the status, type and validators the servlet set are final by the
     * time the first body byte arrives or the servlet returns.
     */
    private void decide(boolean bodyComplete) throws IOException {
        int status = getStatus();
        // Jetty ignores "If-None-Match: *", which any existing file matches.
        boolean notModified = status == SC_NOT_MODIFIED || (ifNoneMatchAny && status == SC_OK);
        if (cacheControl != null && (status == SC_OK || status == SC_PARTIAL_CONTENT || notModified)) {
            super.setHeader("Cache-Control", cacheControl);
        }
        if (fallbackType != null && getContentType() == null && (status == SC_OK || status == SC_PARTIAL_CONTENT)) {
            super.setContentType(fallbackType);
        }
        String coding = getHeader("Content-Encoding");
        String etag = getHeader("ETag");
        if (etag != null && coding != null) {
            super.setHeader("ETag", ContentCodings.withCoding(etag, coding)); // Tomcat reuses the identity ETag
        } else if (etag != null && notModified && presentedCoding != null) {
            super.setHeader("ETag", ContentCodings.withCoding(etag, presentedCoding));
        }
        if (notModified) {
            super.setStatus(SC_NOT_MODIFIED);
            super.setContentLengthLong(-1);
            state = State.NO_BODY;
            pending.reset();
            return;
        }
        long length = declaredLength >= 0 ? declaredLength : bodyComplete ? pending.size() : Long.MAX_VALUE;
        if (gzipAllowed && status == SC_OK && coding == null && length > GzipBody.MIN_COMPRESSED
                && MediaTypes.compressible(getContentType())) {
            state = State.GZIP;
            super.setContentLengthLong(-1);
            super.setHeader("Content-Encoding", ContentCodings.GZIP);
            if (etag != null) {
                super.setHeader("ETag", ContentCodings.withCoding(etag, ContentCodings.GZIP));
            }
            gzip = new GzipBody(this::send);
            gzip.write(pending.toByteArray(), 0, pending.size());
        } else {
            state = State.IDENTITY;
            sendIdentity(pending.toByteArray(), 0, pending.size());
        }
        pending.reset();
    }

    private void sendIdentity(byte[] bytes, int offset, int length) throws IOException {
        identityBytes += length;
        send(bytes, offset, length);
    }

    /** Bytes out to the client, unless the client asked for HEAD. */
    private void send(byte[] bytes, int offset, int length) throws IOException {
        if (!headOnly && length > 0) {
            super.getOutputStream().write(bytes, offset, length);
        }
    }

    /** Whether we must see more of the body before deciding: its length is unknown and gzip is possible. */
    private boolean undecidable() {
        return declaredLength < 0 && gzipAllowed && getStatus() == SC_OK && getHeader("Content-Encoding") == null
                && MediaTypes.compressible(getContentType());
    }

    /** The body the servlet writes: held, passed on, or compressed, as {@link #decide} settled. */
    private final class Body extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (state == State.UNDECIDED) {
                if (undecidable() && pending.size() + length <= GzipBody.MIN_COMPRESSED) {
                    pending.write(bytes, offset, length);
                    return;
                }
                pending.write(bytes, offset, length);
                decide(false);
                return;
            }
            switch (state) {
                case IDENTITY -> sendIdentity(bytes, offset, length);
                case GZIP -> gzip.write(bytes, offset, length);
                default -> {
                    // a 304 has no body; after sendError the container writes the error page itself
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (state == State.IDENTITY && !headOnly) {
                StaticResponse.super.getOutputStream().flush();
            }
        }

        @Override
        public void close() throws IOException {
            finish();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("static files are written blocking");
        }
    }
}
