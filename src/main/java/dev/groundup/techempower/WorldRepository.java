package dev.groundup.techempower;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * The World and Fortune tables. Every statement runs unchanged on H2 and PostgreSQL.
 *
 * <p>Rows of World are read and written with one prepared statement per request, on the Jdbi
 * handle's connection, executed once per row: a Jdbi query costs about 2.4 µs of CPU more than
 * the statement itself (its context, configuration and argument lookup), which is more than an
 * H2 lookup by key costs (about 0.9 µs) and would double what 20 rows cost. Reusing the statement
 * is also what the fastest TechEmpower entries do. Fortune is read the same way (see {@link #fortunes}).
 */
final class WorldRepository {
    static final int ROWS = 10_000;

    private static final String FIND = "SELECT id, randomNumber FROM World WHERE id = ?";
    private static final String UPDATE = "UPDATE World SET randomNumber = ? WHERE id = ?";
    private static final String FORTUNES = "SELECT id, message FROM Fortune";

    private final Jdbi jdbi;

    WorldRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    World find(int id) throws SQLException {
        return jdbi.withHandle(handle -> {
            try (PreparedStatement select = handle.getConnection().prepareStatement(FIND)) {
                return read(select, id);
            }
        });
    }

    /** One row per id, each read by its own execution of the query. */
    World[] find(int[] ids) throws SQLException {
        return jdbi.withHandle(handle -> {
            try (PreparedStatement select = handle.getConnection().prepareStatement(FIND)) {
                World[] worlds = new World[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    worlds[i] = read(select, ids[i]);
                }
                return worlds;
            }
        });
    }

    /**
     * Reads each row by its own query, gives it the number {@code next} picks, and writes them
     * all in one batch, in id order, so two requests updating the same rows lock them in the same
     * order and cannot deadlock.
     */
    World[] update(int[] ids, IntUnaryOperator next) throws SQLException {
        return jdbi.withHandle(handle -> {
            World[] worlds = new World[ids.length];
            try (PreparedStatement select = handle.getConnection().prepareStatement(FIND)) {
                for (int i = 0; i < ids.length; i++) {
                    World read = read(select, ids[i]);
                    worlds[i] = new World(read.id(), next.applyAsInt(read.randomNumber()));
                }
            }
            World[] byId = worlds.clone();
            Arrays.sort(byId, Comparator.comparingInt(World::id));
            try (PreparedStatement update = handle.getConnection().prepareStatement(UPDATE)) {
                for (World world : byId) {
                    update.setInt(1, world.randomNumber());
                    update.setInt(2, world.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return worlds;
        });
    }

    /**
     * Every fortune, in a list the caller may add to. A plain statement too: through Jdbi's query
     * API (its statement context, mapper and result iterator) the query cost about a sixth of the
     * whole request on H2 (JFR), three times what H2 spends running it.
     */
    List<Fortune> fortunes() throws SQLException {
        return jdbi.withHandle(handle -> {
            List<Fortune> fortunes = new ArrayList<>(16);
            try (PreparedStatement select = handle.getConnection().prepareStatement(FORTUNES);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    fortunes.add(new Fortune(rows.getInt(1), rows.getString(2)));
                }
            }
            return fortunes;
        });
    }

    private static World read(PreparedStatement select, int id) throws SQLException {
        select.setInt(1, id);
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("World has no row " + id);
            }
            return new World(row.getInt(1), row.getInt(2));
        }
    }
}
