import io.javalin.Javalin;
import io.javalin.json.JavalinJackson3;

/**
 * Javalin with its defaults, serving what Groundup's benchmark paths serve: /plaintext, /json
 * (a message object serialized per request by Jackson 3) and /hello/{name}. Usage: JavalinRef PORT
 */
public final class JavalinRef {
    record Message(String message) {
    }

    public static void main(String[] args) {
        Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson3());
            config.routes.get("/plaintext", ctx -> ctx.contentType("text/plain").result("Hello, World!"));
            config.routes.get("/json", ctx -> ctx.json(new Message("Hello, World!")));
            config.routes.get("/hello/{name}", ctx -> ctx.html("Hello " + escape(ctx.pathParam("name"))));
        }).start("127.0.0.1", Integer.parseInt(args[0]));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
