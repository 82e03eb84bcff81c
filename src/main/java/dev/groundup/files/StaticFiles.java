package dev.groundup.files;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.List;

/**
 * Step 2 of the seed: static files. The container's own default servlet serves them, configured in
 * web.xml (types, ETags, precompressed siblings, in-memory cache, no listings); {@link StaticFilesFilter}
 * adds what Jetty and Tomcat lack or do differently, so all three deployments answer alike.
 *
 * <p>The public members are what the launcher's fast path for files shares with the filter, so the
 * two never disagree on which request is plain or which headers a file gets.
 */
public final class StaticFiles {
    /** The servlet both Jetty and Tomcat name "default" and map to {@code /}. */
    public static final String DEFAULT_SERVLET = "default";
    public static final String FILTER = "static-files";
    /**
     * Request headers that make a GET or HEAD of a file more than "send it": the filter adjusts
     * ranges and validators for them. Other conditions (If-Match, If-Unmodified-Since) are the
     * container's alone, and a lone If-Range means nothing.
     */
    public static final List<String> NOT_PLAIN = List.of("Range", "If-None-Match", "If-Modified-Since");
    /** Every Cache-Control value {@link #cacheControl} answers. */
    public static final List<String> CACHE_CONTROLS = List.of(CachePolicy.HTML, CachePolicy.FINGERPRINTED, CachePolicy.OTHER);

    private StaticFiles() {
    }

    public static void install(ServletContext context) {
        context.addFilter(FILTER, new StaticFilesFilter(context))
                .addMappingForServletNames(EnumSet.of(DispatcherType.REQUEST), true, DEFAULT_SERVLET);
    }

    /**
     * The plain file request, given none of {@link #NOT_PLAIN} is present: a file of a known type
     * that needs no content negotiation (not compressible, or no Accept-Encoding).
     */
    public static boolean plain(String contentType, boolean acceptEncoding) {
        return contentType != null && !(acceptEncoding && MediaTypes.compressible(contentType));
    }

    /** Whether a response of this type varies with Accept-Encoding. */
    public static boolean compressible(String contentType) {
        return MediaTypes.compressible(contentType);
    }

    public static String cacheControl(String path, String contentType) {
        return CachePolicy.cacheControl(path, contentType);
    }
}
