package dev.groundup.todos;

import dev.groundup.http.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;

/** Absolute links to todos, with the scheme and host the client used (see {@link RequestOrigin}). */
final class Links {
    private final RequestOrigin origin;

    Links(RequestOrigin origin) {
        this.origin = origin;
    }

    String todo(HttpServletRequest request, long id) {
        return origin.base(request) + Todos.PATH + "/" + id;
    }
}
