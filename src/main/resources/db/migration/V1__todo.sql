-- The todo list. Plain SQL that H2 and PostgreSQL both run as written.
--
-- id: an identity column, drawn from the database's own sequence, so instances sharing one
--     PostgreSQL never hand out the same id.
-- title: the API allows 1000 characters (code points). H2 counts UTF-16 units, in which a
--     character outside the BMP (an emoji) is two, hence the room.
-- sort_order: the API's "order" (a reserved word in SQL); the list is sorted by it, then by id.
CREATE TABLE todo (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title      VARCHAR(2000) NOT NULL CHECK (title <> ''),
    completed  BOOLEAN NOT NULL DEFAULT FALSE,
    sort_order INTEGER NOT NULL
);

CREATE INDEX todo_list_order ON todo (sort_order, id);
