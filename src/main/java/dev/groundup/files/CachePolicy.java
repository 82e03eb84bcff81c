package dev.groundup.files;

import java.util.regex.Pattern;

/**
 * Cache-Control by what a file is: pages are revalidated every time (so a deploy shows at once),
 * fingerprinted assets never change under their name, other assets may be reused for a short while.
 */
final class CachePolicy {
    static final String HTML = "no-cache";
    static final String FINGERPRINTED = "public, max-age=31536000, immutable";
    static final String OTHER = "public, max-age=600";

    /**
     * A content hash in the name: 8 to 64 hex digits after a dot or dash, before the extension(s),
     * e.g. app.3f9a1c2b.js, app-3f9a1c2b.js, app.3f9a1c2b.js.map. It must mix digits and letters,
     * so a date like report-20260101.css is not mistaken for one.
     */
    private static final Pattern FINGERPRINT = Pattern.compile(
            ".+[.-](?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,64}(\\.[A-Za-z0-9]+)+");

    private CachePolicy() {
    }

    /** {@code path} is the path in the site; {@code contentType} what web.xml maps its name to, or null. */
    static String cacheControl(String path, String contentType) {
        if (path.endsWith("/") || MediaTypes.html(contentType)) {
            return HTML; // a directory answers with its index.html
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return FINGERPRINT.matcher(name).matches() ? FINGERPRINTED : OTHER;
    }
}
