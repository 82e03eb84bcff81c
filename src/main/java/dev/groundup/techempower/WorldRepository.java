package dev.groundup.techempower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The World and Fortune tables. Every statement runs unchanged on H2 and PostgreSQL. */
final class WorldRepository {
    static final int ROWS = 10_000;

    private static final String FIND = "SELECT id, randomNumber FROM World WHERE id = ?";
    private static final String UPDATE = "UPDATE World SET randomNumber = ? WHERE id = ?";
    private static final String FORTUNES = "SELECT id, message FROM Fortune";
    private static final RowMapper<World> WORLD = (row, context) -> new World(row.getInt(1), row.getInt(2));
    private static final RowMapper<Fortune> FORTUNE = (row, context) -> new Fortune(row.getInt(1), row.getString(2));

    private final Jdbi jdbi;

    WorldRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    World find(int id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    /** One row per id, each read by its own query, on one connection. */
    World[] find(int[] ids) {
        return jdbi.withHandle(handle -> {
            World[] worlds = new World[ids.length];
            for (int i = 0; i < ids.length; i++) {
                worlds[i] = find(handle, ids[i]);
            }
            return worlds;
        });
    }

    /**
     * Reads each row by its own query, gives it the number {@code next} picks, and writes them
     * all in one batch, in id order, so two requests updating the same rows lock them in the same
     * order and cannot deadlock.
     */
    World[] update(int[] ids, IntUnaryOperator next) {
        return jdbi.withHandle(handle -> {
            World[] worlds = new World[ids.length];
            for (int i = 0; i < ids.length; i++) {
                World read = find(handle, ids[i]);
                worlds[i] = new World(read.id(), next.applyAsInt(read.randomNumber()));
            }
            World[] byId = worlds.clone();
            Arrays.sort(byId, Comparator.comparingInt(World::id));
            PreparedBatch batch = handle.prepareBatch(UPDATE);
            for (World world : byId) {
                batch.bind(0, world.randomNumber()).bind(1, world.id()).add();
            }
            batch.execute();
            return worlds;
        });
    }

    /** Every fortune, in a list the caller may add to. */
    List<Fortune> fortunes() {
        return jdbi.withHandle(handle -> {
            List<Fortune> fortunes = new ArrayList<>(16);
            handle.createQuery(FORTUNES).map(FORTUNE).forEach(fortunes::add);
            return fortunes;
        });
    }

    private static World find(Handle handle, int id) {
        return handle.createQuery(FIND).bind(0, id).map(WORLD).one();
    }
}
