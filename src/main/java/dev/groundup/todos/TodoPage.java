package dev.groundup.todos;

import java.util.List;

/**
 * What {@code todos/list.jte} shows: the todos the filter lets through, the counts, and the state
 * of the forms (a title that was refused comes back with its message).
 *
 * @param base the context path, which every link and form action starts with
 * @param csrf this browser's form token
 * @param editing the id of the todo shown as a rename form, or 0 for none
 * @param newTitle what the add form holds ("" normally; the refused input after a 422)
 * @param newTitleError what is wrong with {@code newTitle}, or null
 * @param editTitle what the rename form holds
 * @param editTitleError what is wrong with {@code editTitle}, or null
 */
public record TodoPage(String base, String csrf, String filter, List<Item> items, int left, int total,
                       boolean anyCompleted, long editing, String newTitle, String newTitleError,
                       String editTitle, String editTitleError) {

    /** One todo as the list shows it. */
    public record Item(long id, String title, boolean completed) {
    }

    /** "3 items left", "1 item left". */
    public String leftText() {
        return left + (left == 1 ? " item left" : " items left");
    }

    public boolean allCompleted() {
        return total > 0 && left == 0;
    }

    /** The list with {@code f} applied: {@code /todos}, {@code /todos?filter=active}. */
    public String filterHref(String f) {
        return base + Filter.of(f).path();
    }

    /** The list with todo {@code id} open for renaming, filter kept. */
    public String editHref(long id) {
        return base + Filter.of(filter).path() + (filter.equals("all") ? "?" : "&") + "edit=" + id + "#todo-" + id;
    }

    /** The list as it is now, filter kept: where Cancel goes. */
    public String listHref() {
        return base + Filter.of(filter).path();
    }
}
