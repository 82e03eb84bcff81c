package dev.groundup.files;

import dev.groundup.http.MediaType;
import java.util.Locale;

/**
 * Accept-Encoding and the ETags of encoded representations. An encoded response carries its
 * coding in its ETag ({@code W/"abc--gzip"}), the form Jetty uses for precompressed files, so a
 * gzip response and the identity one never share a validator.
 */
final class ContentCodings {
    static final String GZIP = "gzip";
    static final String BR = "br";
    private static final String SUFFIX = "--";

    private ContentCodings() {
    }

    /** Whether {@code acceptEncoding} allows {@code coding}: named, or {@code *}, with q above 0. */
    static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean wildcard = null;
        for (String element : acceptEncoding.split(",")) {
            int semi = element.indexOf(';');
            String name = (semi < 0 ? element : element.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            boolean allowed = semi < 0 || MediaType.qValue(element.substring(semi + 1)) > 0;
            if (name.equals(coding)) {
                return allowed;
            }
            if (name.equals("*")) {
                wildcard = allowed;
            }
        }
        return Boolean.TRUE.equals(wildcard);
    }

    /**
     * The codings we can serve that {@code acceptEncoding} allows, in our order of preference, as
     * an Accept-Encoding value (null for none). Both containers then choose alike; Tomcat on its own
     * would serve a .br sibling to {@code br;q=0}.
     */
    static String acceptable(String acceptEncoding) {
        boolean br = accepts(acceptEncoding, BR);
        boolean gzip = accepts(acceptEncoding, GZIP);
        return br && gzip ? BR + ", " + GZIP : br ? BR : gzip ? GZIP : null;
    }

    /** {@code W/"abc"} -> {@code W/"abc--gzip"}; an ETag that already names a coding is kept. */
    static String withCoding(String etag, String coding) {
        if (etag == null || !etag.endsWith("\"") || codingOf(etag) != null) {
            return etag;
        }
        return etag.substring(0, etag.length() - 1) + SUFFIX + coding + "\"";
    }

    /** The coding an ETag names ({@code gzip} for {@code W/"abc--gzip"}), or null. */
    static String codingOf(String etag) {
        for (String coding : new String[] {GZIP, BR}) {
            if (etag.endsWith(SUFFIX + coding + "\"")) {
                return coding;
            }
        }
        return null;
    }

    /** An If-None-Match list with every coding suffix removed, so the container compares its own ETags. */
    static String withoutCodings(String ifNoneMatch) {
        return ifNoneMatch.replace(SUFFIX + GZIP + "\"", "\"").replace(SUFFIX + BR + "\"", "\"");
    }

    /** The coding named by the first tag of an If-None-Match list that names one, or null. */
    static String codingIn(String ifNoneMatch) {
        int gzip = ifNoneMatch.indexOf(SUFFIX + GZIP + "\"");
        int br = ifNoneMatch.indexOf(SUFFIX + BR + "\"");
        if (gzip < 0 && br < 0) {
            return null;
        }
        return br < 0 || (gzip >= 0 && gzip < br) ? GZIP : BR;
    }
}
