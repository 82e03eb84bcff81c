package dev.groundup.techempower;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.groundup.db.Database;
import dev.groundup.routing.Routes;
import dev.groundup.views.Views;
import org.jdbi.v3.core.Jdbi;

/**
 * The TechEmpower database test types ({@code /db}, {@code /queries}, {@code /fortunes},
 * {@code /updates}, {@code /cached-queries}) on the app's own router, pool, Jdbi and templates.
 * Their tables come from {@link #MIGRATIONS}, kept apart from the application's.
 */
public final class DbTests {
    /** World and Fortune, created and seeded in their own location with their own history table. */
    public static final Database.Migrations MIGRATIONS =
            new Database.Migrations("classpath:db/techempower", "techempower_schema_history");

    private DbTests() {
    }

    public static Routes routes(Jdbi jdbi, Views views) {
        WorldRepository worlds = new WorldRepository(jdbi);
        LoadingCache<Integer, World> cache = Caffeine.newBuilder()
                .maximumSize(WorldRepository.ROWS)
                .build(worlds::find);
        DbHandlers handlers = new DbHandlers(worlds, cache, views);
        return new Routes(Routes.JSON)
                .get("/db", handlers::db)
                .get("/queries", handlers::queries)
                .get("/fortunes", Routes.HTML, handlers::fortunes)
                .get("/updates", handlers::updates)
                .get("/cached-queries", handlers::cachedQueries);
    }
}
