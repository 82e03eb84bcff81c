package dev.groundup.files;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;

/**
 * Step 2 of the seed: static files. The container's own default servlet serves them, configured in
 * web.xml (types, ETags, precompressed siblings, in-memory cache, no listings); {@link StaticFilesFilter}
 * adds what Jetty and Tomcat lack or do differently, so all three deployments answer alike.
 */
public final class StaticFiles {
    /** The servlet both Jetty and Tomcat name "default" and map to {@code /}. */
    static final String DEFAULT_SERVLET = "default";
    static final String FILTER = "static-files";

    private StaticFiles() {
    }

    public static void install(ServletContext context) {
        context.addFilter(FILTER, new StaticFilesFilter(context))
                .addMappingForServletNames(EnumSet.of(DispatcherType.REQUEST), true, DEFAULT_SERVLET);
    }
}
