package dev.groundup.files;

/**
 * Cache-Control by what a file is: pages are revalidated every time (so a deploy shows at once),
 * fingerprinted assets never change under their name, other assets may be reused for a short while.
 */
final class CachePolicy {
    static final String HTML = "no-cache";
    static final String FINGERPRINTED = "public, max-age=31536000, immutable";
    static final String OTHER = "public, max-age=600";

    private static final int MIN_HASH = 8;
    private static final int MAX_HASH = 64;

    private CachePolicy() {
    }

    /** {@code path} is the path in the site; {@code contentType} what web.xml maps its name to, or null. */
    static String cacheControl(String path, String contentType) {
        if (path.endsWith("/") || MediaTypes.html(contentType)) {
            return HTML; // a directory answers with its index.html
        }
        return fingerprinted(path, path.lastIndexOf('/') + 1) ? FINGERPRINTED : OTHER;
    }

    /**
     * Whether the name starting at {@code start} carries a content hash: 8 to 64 lower-case hex
     * digits after a dot or dash and before the extension(s), e.g. app.3f9a1c2b.js,
     * app-3f9a1c2b.js, app.3f9a1c2b.js.map. It must mix digits and letters, so a date like
     * report-20260101.css is not mistaken for one. (A loop, not a regex: this runs on every request.)
     */
    static boolean fingerprinted(String path, int start) {
        for (int separator = start + 1; separator < path.length(); separator++) {
            char c = path.charAt(separator);
            if (c != '.' && c != '-') {
                continue;
            }
            int end = path.indexOf('.', separator + 1);
            if (end > 0 && isHash(path, separator + 1, end) && isExtensions(path, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHash(String s, int from, int to) {
        int length = to - from;
        if (length < MIN_HASH || length > MAX_HASH) {
            return false;
        }
        boolean digit = false;
        boolean letter = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c >= 'a' && c <= 'f') {
                letter = true;
            } else {
                return false;
            }
        }
        return digit && letter;
    }

    /** {@code .js}, {@code .js.map}: one or more dots, each followed by letters or digits. */
    private static boolean isExtensions(String s, int from) {
        boolean afterDot = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (afterDot) {
                    return false;
                }
                afterDot = true;
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                afterDot = false;
            } else {
                return false;
            }
        }
        return !afterDot;
    }
}
