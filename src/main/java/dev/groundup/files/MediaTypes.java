package dev.groundup.files;

import static dev.groundup.http.MediaType.essence;

import java.util.Set;

/** What a Content-Type says about compressing and caching; the types themselves are web.xml's. */
final class MediaTypes {
    /** Text-like types that are not compressed already; images, video, fonts as woff/woff2 and archives are. */
    private static final Set<String> COMPRESSIBLE = Set.of(
            "application/javascript", "application/json", "application/xml", "application/wasm",
            "font/ttf", "font/otf");

    private MediaTypes() {
    }

    static boolean compressible(String contentType) {
        String type = essence(contentType);
        return type != null && (type.startsWith("text/") || type.endsWith("+json") || type.endsWith("+xml")
                || COMPRESSIBLE.contains(type));
    }

    static boolean html(String contentType) {
        String type = essence(contentType);
        return "text/html".equals(type) || "application/xhtml+xml".equals(type);
    }

}
