package dev.groundup.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Headers every response carries, whatever produced it: our name instead of the container's,
 * and no content sniffing by browsers.
 */
public final class StandardHeaders implements Filter {

    public static final String SERVER = "Groundup";
    public static final String NAME = "standard-headers";
    /** Also sent by the launcher's fast path for files, which does not go through this filter. */
    public static final List<Map.Entry<String, String>> HEADERS =
            List.of(Map.entry("Server", SERVER), Map.entry("X-Content-Type-Options", "nosniff"));

    public static void install(ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter(NAME, new StandardHeaders());
        filter.setAsyncSupported(true); // it stands in front of servlets that go async (Bodies)
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        HEADERS.forEach(header -> http.setHeader(header.getKey(), header.getValue()));
        chain.doFilter(request, response);
    }
}
