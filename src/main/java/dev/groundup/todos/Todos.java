package dev.groundup.todos;

import dev.groundup.routing.Routes;
import org.jdbi.v3.core.Jdbi;

/**
 * The todo list: a JSON API at {@code /api/todos} that follows the Todo-Backend contract, so
 * its spec runner and web client work against it. Each todo carries its own absolute
 * {@code url}, which is all a client needs to read, change or delete it.
 */
public final class Todos {
    private Todos() {
    }

    /** @param trustProxy whether links may be built from X-Forwarded-Proto/-Host */
    public static Routes routes(Jdbi jdbi, boolean trustProxy) {
        TodoApi api = new TodoApi(new TodoRepository(jdbi), new Links(trustProxy));
        return new Routes(Routes.JSON)
                .get("/api/todos", api::list)
                .post("/api/todos", api::create)
                .route("DELETE", "/api/todos", null, api::deleteAll) // 204: no body to negotiate
                .get("/api/todos/{id:long}", api::show)
                .patch("/api/todos/{id:long}", api::update)
                .route("DELETE", "/api/todos/{id:long}", null, api::delete);
    }
}
