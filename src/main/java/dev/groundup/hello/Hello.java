package dev.groundup.hello;

import dev.groundup.routing.Routes;
import jakarta.servlet.ServletContext;

/**
 * Step 1 of the seed: Hello World on GET, HEAD and POST at {@code /hello}. Step 3 adds routes
 * with a parameter, as a page and as a small JSON API.
 */
public final class Hello {
    private Hello() {
    }

    public static void install(ServletContext context) {
        context.addServlet("hello", new HelloServlet()).addMapping("/hello");
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
