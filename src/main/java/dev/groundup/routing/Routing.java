package dev.groundup.routing;

import dev.groundup.Config;
import dev.groundup.errors.ExceptionMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/** Installs the route tables of every feature as one router, and CORS for the API. */
public final class Routing {
    public static final String SERVLET = "router";
    /** The request attribute naming the matched route's template, e.g. {@code /api/todos/{id:long}} (for metrics). */
    public static final String ROUTE_ATTRIBUTE = Routing.class.getName() + ".route";

    private Routing() {
    }

    /**
     * Registers the router servlet for the paths {@code tables} can match, and the CORS filter on
     * {@code /api/*}. Fails startup if two routes collide or a route would take over another
     * servlet's path. {@code mappers} say what exceptions other than {@code Problem} mean.
     */
    public static void install(ServletContext context, Config config, ObjectMapper json, List<Routes> tables,
                               List<ExceptionMapper> mappers) {
        Router router = new Router(tables);
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET,
                new RouterServlet(router, new JsonBodies(json), mappers));
        servlet.setAsyncSupported(true); // for Bodies, which reads request bodies before the servlet runs
        Set<String> taken = servlet.addMapping(router.servletMappings().toArray(String[]::new));
        if (!taken.isEmpty()) {
            throw new IllegalStateException("routes overlap paths other servlets are mapped to: " + taken);
        }
        servlet.setLoadOnStartup(1);
        FilterRegistration.Dynamic cors = context.addFilter("cors", new Cors(config.corsOrigins(), router));
        cors.setAsyncSupported(true);
        cors.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/api/*");
    }
}
