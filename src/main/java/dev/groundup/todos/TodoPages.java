package dev.groundup.todos;

import dev.groundup.csrf.Csrf;
import dev.groundup.errors.Checked;
import dev.groundup.errors.Problem;
import dev.groundup.routing.Exchange;
import dev.groundup.todos.TodoRepository.NewTodo;
import dev.groundup.todos.TodoRepository.TodoChanges;
import dev.groundup.views.PageHeaders;
import dev.groundup.views.Views;
import java.io.IOException;
import java.util.List;

/**
 * The todo list as HTML pages at {@code /todos}: plain forms that POST and are answered with a
 * 303 back to the list (POST-redirect-GET), the filter kept. A refused title shows the page again
 * with 422, the input and the message. The same repository and rules as the JSON API.
 */
final class TodoPages {
    private final TodoRepository todos;
    private final Views views;
    private final Csrf csrf;

    TodoPages(TodoRepository todos, Views views, Csrf csrf) {
        this.todos = todos;
        this.views = views;
        this.csrf = csrf;
    }

    void list(Exchange ex) throws IOException {
        Filter filter = Filter.of(ex.query("filter"));
        long editing = ex.queryLong("edit", 0);
        String editTitle = "";
        if (editing != 0) {
            long id = editing;
            editTitle = todos.find(id).orElseThrow(() -> noSuchTodo(id)).title();
        }
        render(ex, 200, filter, editing, "", null, editTitle, null);
    }

    void add(Exchange ex) throws IOException {
        Filter filter = Filter.of(ex.form("filter"));
        String title = ex.form("title");
        Checked<NewTodo> checked = TodoInput.newTodo(title);
        if (!checked.isValid()) {
            render(ex, 422, filter, 0, title == null ? "" : title, checked.error("title"), "", null);
            return;
        }
        todos.create(checked.value());
        ex.seeOther(filter.path());
    }

    void rename(Exchange ex) throws IOException {
        long id = ex.pathLong("id");
        Filter filter = Filter.of(ex.form("filter"));
        String title = ex.form("title");
        Checked<String> checked = TodoInput.title(title);
        if (!checked.isValid()) {
            todos.find(id).orElseThrow(() -> noSuchTodo(id));
            render(ex, 422, filter, id, "", null, title == null ? "" : title, checked.error("title"));
            return;
        }
        todos.update(id, new TodoChanges(checked.value(), null, null)).orElseThrow(() -> noSuchTodo(id));
        ex.seeOther(filter.path() + "#todo-" + id);
    }

    /** Sets (not flips) the state the form shows, so a second tab's stale form does what it says. */
    void toggle(Exchange ex) throws IOException {
        long id = ex.pathLong("id");
        Filter filter = Filter.of(ex.form("filter"));
        boolean completed = completed(ex);
        todos.update(id, new TodoChanges(null, completed, null)).orElseThrow(() -> noSuchTodo(id));
        ex.seeOther(filter.path());
    }

    void delete(Exchange ex) throws IOException {
        long id = ex.pathLong("id");
        Filter filter = Filter.of(ex.form("filter"));
        if (!todos.delete(id)) {
            throw noSuchTodo(id);
        }
        ex.seeOther(filter.path());
    }

    void toggleAll(Exchange ex) throws IOException {
        Filter filter = Filter.of(ex.form("filter"));
        todos.completeAll(completed(ex));
        ex.seeOther(filter.path());
    }

    void clearCompleted(Exchange ex) throws IOException {
        Filter filter = Filter.of(ex.form("filter"));
        todos.deleteCompleted();
        ex.seeOther(filter.path());
    }

    private void render(Exchange ex, int status, Filter filter, long editing, String newTitle, String newTitleError,
                        String editTitle, String editTitleError) throws IOException {
        List<Todo> all = todos.all();
        int left = 0;
        for (Todo todo : all) {
            if (!todo.completed()) {
                left++;
            }
        }
        List<TodoPage.Item> shown = all.stream().filter(filter::shows)
                .map(todo -> new TodoPage.Item(todo.id(), todo.title(), todo.completed())).toList();
        TodoPage page = new TodoPage(ex.request().getContextPath(), csrf.token(ex), filter.query(), shown, left,
                all.size(), left < all.size(), editing, newTitle, newTitleError, editTitle, editTitleError);
        PageHeaders.apply(ex.response());
        ex.html(status, views.render("todos/list.jte", page));
    }

    private static boolean completed(Exchange ex) throws IOException {
        String value = ex.form("completed");
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw Problem.badRequest("The form's field 'completed' must be true or false.");
    }

    private static Problem noSuchTodo(long id) {
        return Problem.notFound("There is no todo " + id + ": it may have been deleted in another tab or by someone else.");
    }
}
