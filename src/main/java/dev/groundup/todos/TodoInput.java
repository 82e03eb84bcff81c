package dev.groundup.todos;

import dev.groundup.errors.Checked;
import dev.groundup.errors.Problem;
import dev.groundup.todos.TodoRepository.NewTodo;
import dev.groundup.todos.TodoRepository.TodoChanges;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a client may send for a todo, checked as a whole: every field that is wrong is named in
 * one 422, and nothing is written unless all is right. Unknown fields (a client sending back a
 * whole todo, {@code id} and {@code url} included) are ignored; {@code null} is no field's value.
 * The pages' forms go through the same title rule ({@link #titleProblem}) and get the errors back
 * as a {@link Checked} to show next to the field.
 */
final class TodoInput {
    static final int MAX_TITLE = 1000;

    /** Field name -> what is wrong with it, in the order found. */
    private final Map<String, String> errors = new LinkedHashMap<>();

    private TodoInput() {
    }

    /**
     * The rules for a title, the same for the API and the pages: what is wrong with it, or null
     * if nothing is.
     */
    static String titleProblem(String title) {
        if (title.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return "must not be blank";
        }
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            return "must be at most " + MAX_TITLE + " characters";
        }
        if (title.indexOf('\0') >= 0) {
            return "must not contain the NUL character (\\u0000)";
        }
        if (hasLoneSurrogate(title)) {
            return "must be valid Unicode: \\ud800-\\udfff escapes must come in pairs";
        }
        return null;
    }

    /** A form's new todo: just a title (null when the form lacks the field), last in the list, not done. */
    static Checked<NewTodo> newTodo(String title) {
        Checked<String> checked = title(title);
        return new Checked<>(checked.isValid() ? new NewTodo(title, false, null) : null, checked.errors());
    }

    /** A form's title on its own, as for renaming a todo. */
    static Checked<String> title(String title) {
        String problem = title == null ? "is required" : titleProblem(title);
        return problem == null ? Checked.valid(title) : new Checked<>(null, Map.of("title", problem));
    }

    /** POST: {@code title} required; {@code completed} defaults to false; no {@code order} puts it last. */
    static NewTodo newTodo(JsonNode body) {
        TodoInput input = new TodoInput();
        JsonNode object = input.object(body);
        String title = input.title(object);
        if (title == null && !object.has("title")) {
            input.invalid("title", "is required");
        }
        Boolean completed = input.completed(object);
        Integer order = input.order(object);
        return input.checked(new NewTodo(title, completed != null && completed, order)).orThrow("The todo");
    }

    /** PATCH: any of {@code title}, {@code completed}, {@code order}; the rest stays as it is. */
    static TodoChanges changes(JsonNode body) {
        TodoInput input = new TodoInput();
        JsonNode object = input.object(body);
        TodoChanges changes = new TodoChanges(input.title(object), input.completed(object), input.order(object));
        return input.checked(changes).orThrow("The todo");
    }

    private JsonNode object(JsonNode body) {
        if (!body.isObject()) {
            throw new Problem(422, "The body must be a JSON object, such as {\"title\": \"walk the dog\"}.");
        }
        return body;
    }

    private String title(JsonNode object) {
        JsonNode node = object.get("title");
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            return invalid("title", "must be a string");
        }
        String title = node.stringValue();
        String problem = titleProblem(title);
        return problem == null ? title : invalid("title", problem);
    }

    private Boolean completed(JsonNode object) {
        JsonNode node = object.get("completed");
        if (node == null) {
            return null;
        }
        return node.isBoolean() ? node.booleanValue() : invalid("completed", "must be a boolean (true or false)");
    }

    private Integer order(JsonNode object) {
        JsonNode node = object.get("order");
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            return invalid("order", "must be an integer");
        }
        if (!node.canConvertToInt()) {
            return invalid("order", "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return node.intValue();
    }

    private <T> T invalid(String field, String problem) {
        errors.put(field, problem);
        return null;
    }

    private <T> Checked<T> checked(T value) {
        return new Checked<>(errors.isEmpty() ? value : null, errors);
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
