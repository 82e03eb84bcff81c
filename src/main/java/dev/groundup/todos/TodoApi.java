package dev.groundup.todos;

import dev.groundup.errors.Problem;
import dev.groundup.routing.Exchange;
import java.io.IOException;

/** The handlers: read the request, call the repository once, answer. Validation is {@link TodoInput}'s. */
final class TodoApi {
    /** A todo as the API shows it: the stored fields and where it lives. */
    record TodoView(long id, String title, boolean completed, int order, String url) {
    }

    private final TodoRepository todos;
    private final Links links;

    TodoApi(TodoRepository todos, Links links) {
        this.todos = todos;
        this.links = links;
    }

    void list(Exchange ex) throws IOException {
        ex.json(todos.all().stream().map(todo -> view(ex, todo)).toList());
    }

    void create(Exchange ex) throws IOException {
        TodoView created = view(ex, todos.create(TodoInput.newTodo(ex.bodyTree())));
        ex.created(created.url(), created);
    }

    void deleteAll(Exchange ex) {
        todos.deleteAll();
        ex.noContent();
    }

    void show(Exchange ex) throws IOException {
        long id = ex.pathLong("id");
        ex.json(view(ex, todos.find(id).orElseThrow(() -> noSuchTodo(id))));
    }

    /** PATCH: the fields given change, the others stay. The body is checked whole before anything is written. */
    void update(Exchange ex) throws IOException {
        long id = ex.pathLong("id");
        TodoRepository.TodoChanges changes = TodoInput.changes(ex.bodyTree());
        ex.json(view(ex, todos.update(id, changes).orElseThrow(() -> noSuchTodo(id))));
    }

    void delete(Exchange ex) {
        long id = ex.pathLong("id");
        if (!todos.delete(id)) {
            throw noSuchTodo(id);
        }
        ex.noContent();
    }

    private TodoView view(Exchange ex, Todo todo) {
        return new TodoView(todo.id(), todo.title(), todo.completed(), todo.order(), links.todo(ex.request(), todo.id()));
    }

    private static Problem noSuchTodo(long id) {
        return Problem.notFound("There is no todo with id " + id + ".");
    }
}
