package dev.groundup.todos;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The todo table. Every statement runs unchanged on H2 and PostgreSQL. */
final class TodoRepository {
    private static final String COLUMNS = "id, title, completed, sort_order";
    private static final RowMapper<Todo> TODO = (row, context) -> new Todo(
            row.getLong("id"), row.getString("title"), row.getBoolean("completed"), row.getInt("sort_order"));

    private final Jdbi jdbi;

    TodoRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every todo, by order, then by id (creation order) among equals. */
    List<Todo> all() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM todo ORDER BY sort_order, id")
                .map(TODO)
                .list());
    }

    Optional<Todo> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM todo WHERE id = :id")
                .bind("id", id)
                .map(TODO)
                .findOne());
    }

    /**
     * Stores a new todo. Without an order it goes last: one past the largest order, worked out in
     * the same statement (two racing inserts may share it; the id keeps them apart). The sum is
     * done in BIGINT and capped, so a list already at the largest order cannot overflow.
     */
    Todo create(NewTodo todo) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO todo (title, completed, sort_order)
                        VALUES (:title, :completed, COALESCE(:order,
                            (SELECT LEAST(COALESCE(MAX(sort_order), 0) + CAST(1 AS BIGINT), 2147483647) FROM todo)))
                        """)
                .bind("title", todo.title())
                .bind("completed", todo.completed())
                .bind("order", todo.order())
                .executeAndReturnGeneratedKeys("id", "title", "completed", "sort_order")
                .map(TODO)
                .one());
    }

    /** Applies the fields that are set; returns the todo as it now is, or empty if there is none. */
    Optional<Todo> update(long id, TodoChanges changes) {
        return jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate("""
                            UPDATE todo SET
                                title = COALESCE(:title, title),
                                completed = COALESCE(:completed, completed),
                                sort_order = COALESCE(:order, sort_order)
                            WHERE id = :id
                            """)
                    .bind("title", changes.title())
                    .bind("completed", changes.completed())
                    .bind("order", changes.order())
                    .bind("id", id)
                    .execute();
            if (updated == 0) {
                return Optional.empty();
            }
            // Same transaction: the row is ours (locked) until commit, so this reads our update.
            return handle.createQuery("SELECT " + COLUMNS + " FROM todo WHERE id = :id")
                    .bind("id", id)
                    .map(TODO)
                    .findOne();
        });
    }

    /** Returns whether there was such a todo. */
    boolean delete(long id) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM todo WHERE id = :id")
                .bind("id", id)
                .execute()) > 0;
    }

    /** Marks every todo completed, or every one active. */
    void completeAll(boolean completed) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE todo SET completed = :completed")
                .bind("completed", completed)
                .execute());
    }

    /** Deletes the completed todos. */
    void deleteCompleted() {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM todo WHERE completed = TRUE").execute());
    }

    /** Returns how many there were. */
    int deleteAll() {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM todo").execute());
    }

    /** What a client sends to create a todo; a null order means "at the end". */
    record NewTodo(String title, boolean completed, Integer order) {
    }

    /** A partial update: null fields stay as they are. */
    record TodoChanges(String title, Boolean completed, Integer order) {
    }
}
