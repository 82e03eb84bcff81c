package dev.groundup;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;

/**
 * Headers every response carries, whatever produced it: our name instead of the container's,
 * and no content sniffing by browsers.
 */
final class StandardHeaders implements Filter {

    static final String SERVER = "Groundup";

    static void install(ServletContext context) {
        context.addFilter("standard-headers", new StandardHeaders())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("Server", SERVER);
        http.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
