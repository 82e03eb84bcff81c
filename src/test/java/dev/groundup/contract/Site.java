package dev.groundup.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.brotli.dec.BrotliInputStream;

/** The built-in site as files (webapp/ in the project), to compare what the servers send with. */
final class Site {
    static final Path ROOT = Path.of("webapp");
    private static final Pattern SCRIPT = Pattern.compile("src=\"(js/app\\.[0-9a-f]{8}\\.js)\"");

    private Site() {
    }

    static byte[] bytes(String path) {
        try {
            return Files.readAllBytes(ROOT.resolve(path.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fingerprinted script the home page loads, e.g. {@code /js/app.859829ea.js}. */
    static String script() {
        Matcher m = SCRIPT.matcher(new String(bytes("/index.html"), java.nio.charset.StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new AssertionError("index.html loads no js/app.<hash>.js");
        }
        return "/" + m.group(1);
    }

    static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] unbrotli(byte[] body) {
        try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
