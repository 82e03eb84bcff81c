package dev.groundup.files;

import java.util.Locale;

/**
 * Request paths we refuse before any file is looked up. Jetty refuses all of these itself; Tomcat
 * decodes {@code %2e} into a dot segment and resolves it, and a container configured to decode
 * {@code %2f} or {@code %5c} would do more. A file name never needs them.
 */
final class StaticPaths {
    private StaticPaths() {
    }

    /** Why {@code rawPath} (as sent, still percent-encoded) is refused, or null if it is not. */
    static String refusal(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return null; // the containers handle raw dot segments and reject raw control characters
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            return "An encoded slash or backslash is not allowed in a path.";
        }
        if (lower.contains("%00")) {
            return "A NUL character is not allowed in a path.";
        }
        for (String segment : lower.split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = (parameters < 0 ? segment : segment.substring(0, parameters)).replace("%2e", ".");
            if (segment.contains("%2e") && (name.equals(".") || name.equals(".."))) {
                return "An encoded dot segment is not allowed in a path.";
            }
        }
        return null;
    }
}
