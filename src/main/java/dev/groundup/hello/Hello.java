package dev.groundup.hello;

import dev.groundup.routing.Routes;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

/**
 * Step 1 of the seed: Hello World on GET, HEAD and POST at {@code /hello}. Step 3 adds routes
 * with a parameter, as a page and as a small JSON API.
 */
public final class Hello {
    public static final String SERVLET = "hello";

    private Hello() {
    }

    public static void install(ServletContext context) {
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET, new HelloServlet());
        servlet.setAsyncSupported(true); // for Bodies, which reads the form before the servlet runs
        servlet.addMapping("/hello");
    }

    public static Routes routes() {
        Greetings greetings = new Greetings();
        return new Routes(Routes.JSON)
                .get("/hello/{name}", Routes.HTML, greetings::page)
                .get("/api/hello", greetings::fromQuery)
                .post("/api/hello", greetings::fromBody)
                .get("/api/hello/{name}", greetings::fromPath);
    }
}
