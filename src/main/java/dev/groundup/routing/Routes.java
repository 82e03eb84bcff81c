package dev.groundup.routing;

import dev.groundup.http.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One feature's route table: method, path template, handler, one line each.
 *
 * <pre>{@code
 * new Routes(Routes.JSON).under("/api/todos")
 *     .get("", api::list)
 *     .post("", api::create)
 *     .get("/{id:long}", api::show)
 *     .delete("/{id:long}", api::delete);
 * }</pre>
 *
 * <p>A template is literal segments and parameters: {@code {name}} matches any one non-empty
 * segment (percent-decoded as UTF-8), {@code {name:long}} only a decimal integer that fits a
 * {@code long}. Where a literal and a parameter both match, the literal wins. Each route
 * declares the media type it answers with (the table's, unless given); a client whose
 * {@code Accept} rules it out gets 406 before the handler runs. HEAD is answered for every GET
 * route and OPTIONS for every path; the first segment must be literal, so that routes never
 * shadow the site's own files.
 */
public final class Routes {
    public static final String JSON = MediaType.JSON;
    public static final String HTML = MediaType.HTML;
    public static final String TEXT = MediaType.TEXT;

    /** One row of the table. {@code produces} may be null: the route answers with no body to negotiate. */
    public record Route(String method, String template, String produces, Handler handler) {
        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(handler, "handler");
        }
    }

    private final String produces;
    private final List<Route> routes = new ArrayList<>();
    private String prefix = "";

    /** A table whose routes answer with {@code produces} unless a route says otherwise. */
    public Routes(String produces) {
        this.produces = produces;
    }

    public Routes get(String template, Handler handler) {
        return route("GET", template, produces, handler);
    }

    public Routes get(String template, String produces, Handler handler) {
        return route("GET", template, produces, handler);
    }

    public Routes post(String template, Handler handler) {
        return route("POST", template, produces, handler);
    }

    public Routes patch(String template, Handler handler) {
        return route("PATCH", template, produces, handler);
    }

    /** A DELETE answers 204 or an error: it has no body type to negotiate. */
    public Routes delete(String template, Handler handler) {
        return route("DELETE", template, null, handler);
    }

    /** Routes added after this call have their templates prefixed with {@code prefix}, e.g. {@code /api/todos}. */
    public Routes under(String prefix) {
        this.prefix = prefix;
        return this;
    }

    /** Any method, e.g. {@code route("PROPFIND", "/dav/{path}", null, handler)}. */
    public Routes route(String method, String template, String produces, Handler handler) {
        routes.add(new Route(method.toUpperCase(Locale.ROOT), prefix + template, produces, handler));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
