package dev.groundup.http;

import java.util.Locale;

/**
 * Reading an {@code Accept} header (RFC 9110 §12.5.1) just far enough to answer two questions:
 * can the client take this media type, and does it prefer JSON to HTML.
 */
public final class Accept {
    private Accept() {
    }

    /** True if {@code accept} (null means anything) admits {@code type}, e.g. {@code application/json}. */
    public static boolean admits(String accept, String type) {
        return accept == null || accept.isBlank() || quality(accept, type) > 0;
    }

    /** True if the client ranks JSON (plain or problem+json) above HTML: API clients, not browsers. */
    public static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double json = Math.max(explicitQuality(accept, MediaType.JSON),
                explicitQuality(accept, MediaType.PROBLEM_JSON));
        return json > 0 && json > quality(accept, "text/html");
    }

    /** The q-value the header gives {@code type}, taking the most specific range that matches; 0 if none. */
    static double quality(String accept, String type) {
        return best(accept, type, true);
    }

    /** Like {@link #quality} but only ranges that name the type itself, not wildcards. */
    private static double explicitQuality(String accept, String type) {
        return best(accept, type, false);
    }

    private static double best(String accept, String type, boolean wildcards) {
        int slash = type.indexOf('/');
        String major = type.substring(0, slash);
        int bestSpecificity = -1;
        double q = 0;
        for (String range : accept.split(",")) {
            int semi = range.indexOf(';');
            String name = (semi < 0 ? range : range.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            int specificity;
            if (name.equals(type)) {
                specificity = 2;
            } else if (wildcards && name.equals(major + "/*")) {
                specificity = 1;
            } else if (wildcards && name.equals("*/*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = semi < 0 ? 1 : MediaType.qValue(range.substring(semi + 1));
            }
        }
        return q;
    }
}
