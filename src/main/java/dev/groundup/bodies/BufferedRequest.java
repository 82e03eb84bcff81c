package dev.groundup.bodies;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The request with its body already in memory.
 *
 * <p><b>getParameter and its kin do not see the fields of a form body</b>, only the query
 * string's: the container would read the body through its own stream, which this wrapper has
 * already drained. Read forms with {@code Exchange.form(name)} (strict UTF-8, a clear 400 or 415
 * for a bad form); no servlet here calls getParameter for a body field.
 */
final class BufferedRequest extends HttpServletRequestWrapper {
    private HeldBody body = new HeldBody(0);

    BufferedRequest(HttpServletRequest request) {
        super(request);
    }

    void body(HeldBody body) {
        this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
        InputStream in = body.stream();
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }

            @Override
            public boolean isFinished() {
                try {
                    return in.available() == 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body was read already; read it with blocking reads");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws UnsupportedEncodingException {
        String encoding = getCharacterEncoding();
        Charset charset;
        try {
            charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedEncodingException(encoding);
        }
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
