package dev.groundup.hello;

import jakarta.servlet.ServletContext;

/** Step 1 of the seed: Hello World on GET, HEAD and POST. */
public final class Hello {
    private Hello() {
    }

    public static void install(ServletContext context) {
        context.addServlet("hello", new HelloServlet()).addMapping("/hello");
    }
}
