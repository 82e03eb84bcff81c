package dev.groundup.todos;

import dev.groundup.csrf.Csrf;
import dev.groundup.http.RequestOrigin;
import dev.groundup.routing.Routes;
import dev.groundup.views.Views;
import org.jdbi.v3.core.Jdbi;

/**
 * The todo list: a JSON API at {@code /api/todos} that follows the Todo-Backend contract, so
 * its spec runner and web client work against it. Each todo carries its own absolute
 * {@code url}, which is all a client needs to read, change or delete it. The same list as HTML
 * pages with plain forms at {@code /todos}.
 */
public final class Todos {
    /** Where the API lives, under the context path. */
    static final String PATH = "/api/todos";

    private Todos() {
    }

    /** @param trustProxy whether links may be built from X-Forwarded-Proto/-Host */
    public static Routes routes(Jdbi jdbi, boolean trustProxy) {
        TodoApi api = new TodoApi(new TodoRepository(jdbi), new Links(new RequestOrigin(trustProxy)));
        return new Routes(Routes.JSON).under(PATH)
                .get("", api::list)
                .post("", api::create)
                .delete("", api::deleteAll)
                .get("/{id:long}", api::show)
                .patch("/{id:long}", api::update)
                .delete("/{id:long}", api::delete);
    }

    /** The same list as pages at {@code /todos}: every form checked by {@code csrf} before it changes anything. */
    public static Routes pages(Jdbi jdbi, Views views, Csrf csrf) {
        TodoPages pages = new TodoPages(new TodoRepository(jdbi), views, csrf);
        return new Routes(Routes.HTML)
                .get("/todos", pages::list)
                .post("/todos", csrf.protect(pages::add))
                .post("/todos/toggle-all", csrf.protect(pages::toggleAll))
                .post("/todos/clear-completed", csrf.protect(pages::clearCompleted))
                .post("/todos/{id:long}/title", csrf.protect(pages::rename))
                .post("/todos/{id:long}/toggle", csrf.protect(pages::toggle))
                .post("/todos/{id:long}/delete", csrf.protect(pages::delete));
    }
}
