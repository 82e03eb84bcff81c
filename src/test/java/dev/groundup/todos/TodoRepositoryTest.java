package dev.groundup.todos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundup.db.Database;
import dev.groundup.db.TestDatabase;
import dev.groundup.todos.TodoRepository.NewTodo;
import dev.groundup.todos.TodoRepository.TodoChanges;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The repository's contract, on H2 and on the real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class TodoRepositoryTest {
    @Parameter
    TestDatabase testDatabase;

    private final List<Database> opened = new ArrayList<>();
    private String url;
    private TodoRepository todos;

    @BeforeEach
    void emptyList() {
        url = testDatabase.url();
        todos = new TodoRepository(open(url).jdbi());
        todos.deleteAll(); // PostgreSQL's database is shared by the run
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    @Test
    void startsEmpty() {
        assertThat(todos.all()).isEmpty();
    }

    @Test
    void createReturnsTheStoredTodo() {
        Todo created = todos.create(new NewTodo("walk the dog", true, 7));

        assertThat(created.id()).isPositive();
        assertThat(created).isEqualTo(new Todo(created.id(), "walk the dog", true, 7));
        assertThat(todos.find(created.id())).contains(created);
        assertThat(todos.all()).containsExactly(created);
    }

    @Test
    void withoutAnOrderATodoGoesLast() {
        assertThat(todos.create(new NewTodo("first", false, null)).order()).isEqualTo(1);
        todos.create(new NewTodo("placed", false, 41));
        todos.create(new NewTodo("placed lower", false, -5));

        Todo appended = todos.create(new NewTodo("appended", false, null));

        assertThat(appended.order()).isEqualTo(42);
        assertThat(todos.all()).last().isEqualTo(appended);
    }

    @Test
    void appendingAtTheLargestOrderDoesNotOverflow() {
        Todo top = todos.create(new NewTodo("top", false, Integer.MAX_VALUE));

        Todo appended = todos.create(new NewTodo("after top", false, null));

        assertThat(appended.order()).isEqualTo(Integer.MAX_VALUE);
        assertThat(todos.all()).containsExactly(top, appended);
    }

    @Test
    void listIsSortedByOrderThenById() {
        Todo c = todos.create(new NewTodo("c", false, 3));
        Todo a1 = todos.create(new NewTodo("a1", false, 1));
        Todo b = todos.create(new NewTodo("b", false, 2));
        Todo a2 = todos.create(new NewTodo("a2", false, 1));
        Todo min = todos.create(new NewTodo("min", false, Integer.MIN_VALUE));

        assertThat(todos.all()).containsExactly(min, a1, a2, b, c);
        assertThat(a2.id()).isGreaterThan(a1.id());
    }

    @Test
    void findMissingIsEmpty() {
        Todo kept = todos.create(new NewTodo("kept", false, null));

        assertThat(todos.find(kept.id() + 1000)).isEmpty();
        assertThat(todos.find(-1)).isEmpty();
    }

    @Test
    void updateChangesOnlyTheFieldsGiven() {
        Todo todo = todos.create(new NewTodo("initial", false, 10));

        assertThat(todos.update(todo.id(), new TodoChanges("bathe the cat", null, null)))
                .contains(new Todo(todo.id(), "bathe the cat", false, 10));
        assertThat(todos.update(todo.id(), new TodoChanges(null, true, null)))
                .contains(new Todo(todo.id(), "bathe the cat", true, 10));
        assertThat(todos.update(todo.id(), new TodoChanges(null, null, 95)))
                .contains(new Todo(todo.id(), "bathe the cat", true, 95));
        assertThat(todos.update(todo.id(), new TodoChanges("all at once", false, -3)))
                .contains(new Todo(todo.id(), "all at once", false, -3));
        assertThat(todos.update(todo.id(), new TodoChanges(null, null, null)))
                .contains(new Todo(todo.id(), "all at once", false, -3));
        assertThat(todos.find(todo.id())).contains(new Todo(todo.id(), "all at once", false, -3));
    }

    @Test
    void updateLeavesOtherTodosAlone() {
        Todo changed = todos.create(new NewTodo("changed", false, 1));
        Todo other = todos.create(new NewTodo("other", false, 2));

        todos.update(changed.id(), new TodoChanges("new title", true, 3));

        assertThat(todos.find(other.id())).contains(other);
    }

    @Test
    void updateOfAMissingTodoIsEmptyAndCreatesNothing() {
        assertThat(todos.update(12345, new TodoChanges("ghost", true, 1))).isEmpty();
        assertThat(todos.all()).isEmpty();
    }

    @Test
    void deleteRemovesOneTodo() {
        Todo gone = todos.create(new NewTodo("gone", false, null));
        Todo kept = todos.create(new NewTodo("kept", false, null));

        assertThat(todos.delete(gone.id())).isTrue();
        assertThat(todos.delete(gone.id())).isFalse();
        assertThat(todos.find(gone.id())).isEmpty();
        assertThat(todos.all()).containsExactly(kept);
    }

    @Test
    void deleteAllEmptiesTheListAndCounts() {
        todos.create(new NewTodo("one", false, null));
        todos.create(new NewTodo("two", true, null));

        assertThat(todos.deleteAll()).isEqualTo(2);
        assertThat(todos.all()).isEmpty();
        assertThat(todos.deleteAll()).isZero();
    }

    @Test
    void idsAreNotReusedAfterADelete() {
        Todo first = todos.create(new NewTodo("first", false, null));
        todos.deleteAll();

        assertThat(todos.create(new NewTodo("second", false, null)).id()).isGreaterThan(first.id());
    }

    @Test
    void titlesRoundTripExactly() {
        String emoji = "\uD83D\uDE00".repeat(1000); // 1000 characters, 2000 UTF-16 units
        List<String> titles = List.of("Zoë 日本語 \u0301combining", "  spaces kept  ", "quote ' \" ; -- DROP TABLE todo",
                "line\nbreak\ttab", emoji, "a".repeat(1000));
        for (String title : titles) {
            Todo created = todos.create(new NewTodo(title, false, null));
            assertThat(todos.find(created.id()).orElseThrow().title()).isEqualTo(title);
        }
    }

    @Test
    void theSchemaRefusesAnEmptyTitleEvenIfValidationWereBypassed() {
        assertThatThrownBy(() -> todos.create(new NewTodo("", false, null)))
                .hasMessageContaining("todo"); // a CHECK violation on table todo
        assertThat(todos.all()).isEmpty();
    }

    @Test
    void twoInstancesCreatingAtOnceNeverShareAnId() throws Exception {
        // Two pools on one database: what two app instances behind a load balancer are.
        List<TodoRepository> instances = List.of(todos, new TodoRepository(open(url).jdbi()));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Todo>> creations = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                TodoRepository instance = instances.get(i % 2);
                String title = "todo " + i;
                creations.add(() -> instance.create(new NewTodo(title, false, null)));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Todo> created : threads.invokeAll(creations)) {
                ids.add(created.get().id());
            }

            assertThat(ids).hasSize(200);
            assertThat(todos.all()).hasSize(200).extracting(Todo::id).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void concurrentPartialUpdatesOfOneTodoEachKeepTheirField() throws Exception {
        Todo todo = todos.create(new NewTodo("start", false, 0));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> titles = threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    todos.update(todo.id(), new TodoChanges("title " + i, null, null));
                }
            });
            Future<?> orders = threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    todos.update(todo.id(), new TodoChanges(null, null, i));
                }
            });
            titles.get();
            orders.get();
        } finally {
            threads.shutdownNow();
        }

        assertThat(todos.find(todo.id())).contains(new Todo(todo.id(), "title 49", false, 49));
    }

    private Database open(String databaseUrl) {
        Database database = Database.open(databaseUrl);
        opened.add(database);
        return database;
    }
}
