package dev.groundup.hello;

import dev.groundup.http.Html;
import dev.groundup.errors.Problem;
import dev.groundup.routing.Exchange;
import java.io.IOException;

/** The greeting behind {@code /hello/{name}} and {@code /api/hello}: thin handlers over one rule. */
final class Greetings {
    static final int MAX_NAME = 1000;

    /** What the API answers. */
    record Greeting(String message) {
    }

    /** What {@code POST /api/hello} reads: {@code {"name": "Ada"}}; other fields are ignored. */
    record Request(String name) {
    }

    void page(Exchange ex) throws IOException {
        ex.html(html(name(ex.pathParam("name"))));
    }

    /** The greeting page's body, for {@code /hello/{name}} and the form at {@code /hello}. */
    static String html(String name) {
        return "Hello " + Html.escape(name);
    }

    void fromPath(Exchange ex) throws IOException {
        ex.json(greet(ex.pathParam("name")));
    }

    void fromQuery(Exchange ex) throws IOException {
        ex.json(greet(ex.query("name")));
    }

    void fromBody(Exchange ex) throws IOException {
        ex.json(greet(ex.body(Request.class).name()));
    }

    private static Greeting greet(String name) {
        return new Greeting("Hello " + name(name));
    }

    /**
     * The one greeting rule, for the form at {@code /hello} and every route here: blank or absent
     * greets the World; a name longer than a name, or with a control character (NUL, a line
     * break), is refused (422).
     */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return "World";
        }
        if (name.length() > MAX_NAME) {
            throw Problem.invalidField("name", "must be at most " + MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw Problem.invalidField("name", "must not contain control characters (such as NUL or a line break)");
        }
        return name.strip();
    }
}
