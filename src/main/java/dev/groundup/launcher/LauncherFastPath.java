package dev.groundup.launcher;

import dev.groundup.files.HiddenFiles;
import dev.groundup.files.StaticFiles;
import dev.groundup.metrics.Metrics;
import dev.groundup.metrics.RequestTimers;
import dev.groundup.requestids.RequestIds;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.pathmap.MatchedResource;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.resource.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's fast path for the commonest request a site gets: a plain GET or HEAD of an
 * existing file. Jetty's core ResourceService answers it from the default servlet's own content
 * cache, with the same types, validators and headers the servlet and the static-files filter
 * would give it, but without the servlet layer, which here about doubles the CPU time of such a
 * request.
 *
 * <p>Everything else goes to the web application, unchanged: the headers the filter adjusts
 * ({@link StaticFiles#NOT_PLAIN}; If-Match and If-Unmodified-Since are Jetty's either way), Accept-Encoding
 * on a compressible type, folders, missing files, files too big for the cache, symlinks, protected
 * paths, encoded paths, and any path a servlet other than "default" or a filter other than those
 * this class stands in for would see. The launcher only; a WAR has no such shortcut.
 *
 * <p>The fast path waits for nothing but the file system (a cached file's bytes are in memory, the
 * write is asynchronous; a first read or a once-a-second check costs a file read or a stat), so this
 * handler tells Jetty it is non-blocking, and Jetty calls it on the thread that read the request,
 * saving a hand-off to the thread pool. The web application may block, so every request for it is
 * handed to the pool here, as Jetty itself does for a blocking handler.
 */
public final class LauncherFastPath extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(LauncherFastPath.class);
    /** The filter's list as Jetty's constants, so a request's headers are checked in one pass. */
    private static final Set<HttpHeader> NOT_PLAIN = StaticFiles.NOT_PLAIN.stream()
            .map(name -> Objects.requireNonNull(HttpHeader.CACHE.get(name), name))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(HttpHeader.class)));

    /** Pre-encoded: Jetty copies their bytes instead of encoding them on every response. */
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, HttpHeader.ACCEPT_ENCODING.asString());
    private static final Map<String, HttpField> CACHE_CONTROL = StaticFiles.CACHE_CONTROLS.stream()
            .collect(Collectors.toMap(value -> value, value -> new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, value)));

    private final WebAppContext webapp;
    private final List<HttpField> standardHeaders;
    private final Set<String> standInFor;
    private volatile Plain plain;
    /** Null unless metrics are on. */
    private volatile RequestTimers timers;
    /** Where the web application runs: the pool's virtual threads when it has them, else the pool. */
    private volatile Executor blocking;

    /**
     * @param standardHeaders what the filter named {@code standardFilter} adds to every response
     * @param standardFilter that filter's name: like {@link StaticFiles}' own, this class stands in for it
     */
    public LauncherFastPath(WebAppContext webapp, List<Map.Entry<String, String>> standardHeaders, String standardFilter) {
        super(webapp);
        this.webapp = webapp;
        this.standardHeaders = standardHeaders.stream()
                .<HttpField>map(h -> new PreEncodedHttpField(h.getKey(), h.getValue())).toList();
        // The request-id filter's work is done for every request by LauncherRequestIds, in front of
        // this; the metrics filter's, for the files answered here, by this class.
        this.standInFor = Set.of(standardFilter, StaticFiles.FILTER, RequestIds.FILTER, Metrics.FILTER);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart(); // the web application first: its servlets, filters and types are what we follow
        Executor virtual = VirtualThreads.getVirtualThreadsExecutor(getServer().getThreadPool());
        blocking = virtual != null ? virtual : getServer().getThreadPool();
        plain = Plain.of(webapp, standInFor);
        timers = (RequestTimers) webapp.getServletContext().getAttribute(Metrics.TIMERS_ATTRIBUTE);
        if (plain == null) {
            LOG.info("fast path for files is off: another filter applies to them");
        }
    }

    @Override
    protected void doStop() throws Exception {
        plain = null;
        timers = null;
        super.doStop();
    }

    /** Whether plain file requests take the fast path (not when another filter applies to files). */
    public boolean isActive() {
        return plain != null;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Plain files = plain;
        String path = files == null ? null : files.plainPath(request);
        HttpContent content = path == null ? null : files.content(path);
        if (content == null) {
            // Jetty runs a non-blocking handler on the thread that reads the connection: the web
            // application must not block that one (it may wait there for the request's body).
            try {
                blocking.execute(() -> handleBlocking(request, response, callback));
            } catch (RejectedExecutionException e) {
                Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
            }
            return true;
        }
        HttpFields.Mutable headers = response.getHeaders();
        standardHeaders.forEach(headers::put);
        String type = content.getContentTypeValue();
        if (StaticFiles.compressible(type)) {
            headers.put(VARY);
        }
        headers.put(CACHE_CONTROL.get(StaticFiles.cacheControl(path, type)));
        RequestTimers timed = timers;
        long start = timed == null ? 0 : System.nanoTime();
        Callback done = timed == null ? callback : Callback.from(callback, () -> timed.record(
                request.getMethod(), RequestTimers.FILES, response.getStatus(), System.nanoTime() - start));
        files.service.doGet(request, response, done, content);
        return true;
    }

    private void handleBlocking(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    /** What the web application decided at start: its default servlet's content and settings. */
    private record Plain(ServletHandler servlets, ServletHolder defaultServlet, HttpContent.Factory contents,
            long maxCachedFileSize, ResourceService service, MimeTypes types, List<ServletPathSpec> otherFilters,
            HiddenFiles hidden) {

        /** Null when a filter we do not stand in for applies to every file. */
        static Plain of(WebAppContext webapp, Set<String> standInFor) throws jakarta.servlet.ServletException {
            ServletHandler servlets = webapp.getServletHandler();
            ServletHolder holder = servlets.getServlet(StaticFiles.DEFAULT_SERVLET);
            List<ServletPathSpec> otherFilters = new ArrayList<>();
            for (FilterMapping mapping : servlets.getFilterMappings()) {
                if (standInFor.contains(mapping.getFilterName()) || !mapping.appliesTo(jakarta.servlet.DispatcherType.REQUEST)) {
                    continue;
                }
                if (mapping.getServletNames() != null) {
                    for (String name : mapping.getServletNames()) {
                        if (name.equals("*") || name.equals(StaticFiles.DEFAULT_SERVLET)) {
                            return null;
                        }
                    }
                }
                if (mapping.getPathSpecs() != null) {
                    for (String spec : mapping.getPathSpecs()) {
                        if (spec.equals("/*") || spec.equals("/")) {
                            return null;
                        }
                        otherFilters.add(new ServletPathSpec(spec)); // checked per request
                    }
                }
            }
            jakarta.servlet.Servlet servlet = holder.getServlet();
            while (servlet instanceof ServletHolder.Wrapper wrapper) {
                servlet = wrapper.getWrapped(); // Jetty wraps servlets that do not support async
            }
            if (!(servlet instanceof DefaultServlet defaultServlet)) {
                throw new IllegalStateException("the default servlet is not Jetty's DefaultServlet but " + servlet);
            }
            ResourceService servletFiles = defaultServlet.getResourceService();
            ResourceService service = new ResourceService();
            service.setHttpContentFactory(servletFiles.getHttpContentFactory()); // one cache for both paths
            service.setEtags(servletFiles.isEtags());
            service.setAcceptRanges(servletFiles.isAcceptRanges());
            service.setPrecompressedFormats(servletFiles.getPrecompressedFormats());
            service.setDirAllowed(false);
            String maxCached = holder.getInitParameter("maxCachedFileSize");
            return new Plain(servlets, holder, servletFiles.getHttpContentFactory(),
                    maxCached == null ? 0 : Long.parseLong(maxCached.trim()), service, webapp.getMimeTypes(),
                    List.copyOf(otherFilters), StaticFiles.hidden(webapp.getServletContext()));
        }

        /** The path of a request the fast path may answer as it stands, or null. */
        String plainPath(Request request) {
            String method = request.getMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                return null;
            }
            HttpFields headers = request.getHeaders();
            for (HttpField field : headers) {
                if (NOT_PLAIN.contains(field.getHeader())) {
                    return null;
                }
            }
            String raw = request.getHttpURI().getPath();
            if (raw == null || raw.indexOf('%') >= 0 || raw.indexOf(';') >= 0 || raw.endsWith("/")) {
                return null; // encoded, with parameters, or a folder: the filter and servlet decide
            }
            String path = Request.getPathInContext(request);
            if (path.regionMatches(true, 0, "/WEB-INF", 0, 8) || path.regionMatches(true, 0, "/META-INF", 0, 9)
                    || hidden.hidden(path)) {
                return null;
            }
            String type = types.getMimeByExtension(path);
            if (!StaticFiles.plain(type, headers.contains(HttpHeader.ACCEPT_ENCODING))) {
                return null;
            }
            MatchedResource<ServletHandler.MappedServlet> servlet = servlets.getMatchedServlet(path);
            if (servlet == null || servlet.getResource().getServletHolder() != defaultServlet) {
                return null;
            }
            for (ServletPathSpec filter : otherFilters) {
                if (filter.matched(path) != null) {
                    return null;
                }
            }
            return path;
        }

        /**
         * The content of a regular file reached without a symlink, small enough for the default
         * servlet's cache (so it is sent from memory and cannot block), or null.
         */
        HttpContent content(String path) throws java.io.IOException {
            HttpContent content = contents.getContent(path);
            if (content == null || content.getContentLengthValue() > maxCachedFileSize) {
                return null;
            }
            Resource resource = content.getResource(); // none for the cache's record of a missing file
            return resource == null || resource.isAlias() || resource.isDirectory() ? null : content;
        }
    }
}
