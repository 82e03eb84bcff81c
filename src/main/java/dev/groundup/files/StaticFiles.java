package dev.groundup.files;

import dev.groundup.views.Views;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
    private static final String HIDDEN = HiddenFiles.class.getName();
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

    /**
     * @param siteFolder the folder served (the launcher's --static-root), or null to ask the
     *     container where the site is on disk, if it is
     * @param databaseFiles where the embedded database keeps its files (never served), or null
     * @param listings renders folder listings ({@code --list-dirs}), or null for none
     */
    public static void install(ServletContext context, Path siteFolder, boolean serveDotfiles, Path databaseFiles,
            Views listings) {
        Path folder = siteFolder != null ? siteFolder : realPath(context);
        HiddenFiles hidden = new HiddenFiles(serveDotfiles, folder, databaseFiles);
        context.setAttribute(HIDDEN, hidden);
        context.addFilter(FILTER, new StaticFilesFilter(context, hidden,
                        listings == null ? null : new DirectoryListing(context, hidden, listings, folder)))
                .addMappingForServletNames(EnumSet.of(DispatcherType.REQUEST), true, DEFAULT_SERVLET);
    }

    /** The {@link HiddenFiles} of a context {@link #install} has set up, for the launcher's fast path. */
    public static HiddenFiles hidden(ServletContext context) {
        return (HiddenFiles) context.getAttribute(HIDDEN);
    }

    private static Path realPath(ServletContext context) {
        String real = context.getRealPath("/");
        try {
            return real == null ? null : Path.of(real).toRealPath();
        } catch (IOException | InvalidPathException e) {
            return null;
        }
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
