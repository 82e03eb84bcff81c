package dev.groundup.todos;

import dev.groundup.errors.Problem;

/** Which todos the page lists: {@code ?filter=all|active|completed}. */
enum Filter {
    ALL, ACTIVE, COMPLETED;

    /** {@code null} or "" is all; anything but the three names is a 400. */
    static Filter of(String name) {
        if (name == null || name.isEmpty() || name.equals("all")) {
            return ALL;
        }
        return switch (name) {
            case "active" -> ACTIVE;
            case "completed" -> COMPLETED;
            default -> throw Problem.badRequest("There is no filter '" + name + "': use all, active or completed.");
        };
    }

    String query() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The list's path within the application, this filter applied. */
    String path() {
        return this == ALL ? "/todos" : "/todos?filter=" + query();
    }

    boolean shows(Todo todo) {
        return switch (this) {
            case ALL -> true;
            case ACTIVE -> !todo.completed();
            case COMPLETED -> todo.completed();
        };
    }
}
