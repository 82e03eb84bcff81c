package dev.groundup.todos;

import dev.groundup.errors.Problem;
import dev.groundup.todos.TodoRepository.NewTodo;
import dev.groundup.todos.TodoRepository.TodoChanges;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a client may send for a todo, checked as a whole: every field that is wrong is named in
 * one 422, and nothing is written unless all is right. Unknown fields (a client sending back a
 * whole todo, {@code id} and {@code url} included) are ignored; {@code null} is no field's value.
 */
final class TodoInput {
    static final int MAX_TITLE = 1000;

    private final List<Problem.Invalid> invalid = new ArrayList<>();

    private TodoInput() {
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
        input.failIfInvalid();
        return new NewTodo(title, completed != null && completed, order);
    }

    /** PATCH: any of {@code title}, {@code completed}, {@code order}; the rest stays as it is. */
    static TodoChanges changes(JsonNode body) {
        TodoInput input = new TodoInput();
        JsonNode object = input.object(body);
        TodoChanges changes = new TodoChanges(input.title(object), input.completed(object), input.order(object));
        input.failIfInvalid();
        return changes;
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
        if (title.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return invalid("title", "must not be blank");
        }
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            return invalid("title", "must be at most " + MAX_TITLE + " characters");
        }
        if (title.indexOf('\0') >= 0) {
            return invalid("title", "must not contain the NUL character (\\u0000)");
        }
        if (hasLoneSurrogate(title)) {
            return invalid("title", "must be valid Unicode: \\ud800-\\udfff escapes must come in pairs");
        }
        return title;
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
        invalid.add(new Problem.Invalid("#/" + field, problem));
        return null;
    }

    private void failIfInvalid() {
        if (invalid.size() == 1) {
            Problem.Invalid only = invalid.get(0);
            throw Problem.invalidField(only.pointer().substring(2), only.detail());
        }
        if (!invalid.isEmpty()) {
            StringBuilder detail = new StringBuilder("The todo is not valid:");
            for (Problem.Invalid each : invalid) {
                detail.append(" field '").append(each.pointer().substring(2)).append("' ").append(each.detail()).append(';');
            }
            detail.setLength(detail.length() - 1);
            throw new Problem(422, detail.append('.').toString(), invalid);
        }
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
