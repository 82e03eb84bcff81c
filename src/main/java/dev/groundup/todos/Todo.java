package dev.groundup.todos;

/** A stored todo. {@code order} places it in the list; ties are broken by {@code id}. */
record Todo(long id, String title, boolean completed, int order) {
}
