package dev.groundup.techempower;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.groundup.routing.Exchange;
import dev.groundup.routing.Routes;
import dev.groundup.views.Views;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The five database test types, each as its published requirements state it. */
final class DbHandlers {
    static final String ADDITIONAL = "Additional fortune added at request time.";
    private static final Comparator<Fortune> BY_MESSAGE = Comparator.comparing(Fortune::message);

    private final WorldRepository worlds;
    private final LoadingCache<Integer, World> cache;
    private final Views views;

    DbHandlers(WorldRepository worlds, LoadingCache<Integer, World> cache, Views views) {
        this.worlds = worlds;
        this.cache = cache;
        this.views = views;
    }

    /** One random row, as an object. */
    void db(Exchange ex) throws IOException, SQLException {
        ex.json(worlds.find(randomId()));
    }

    /** {@code queries} random rows, each its own query, as an array (even of one). */
    void queries(Exchange ex) throws IOException, SQLException {
        ex.json(worlds.find(randomIds(Counts.clamp(ex.query("queries")))));
    }

    /** The table, one more fortune, sorted by message in Java, through the template. */
    void fortunes(Exchange ex) throws IOException, SQLException {
        List<Fortune> fortunes = worlds.fortunes();
        fortunes.add(new Fortune(0, ADDITIONAL));
        fortunes.sort(BY_MESSAGE);
        ex.bytes(200, Routes.HTML, views.render("techempower/fortunes.jte", fortunes));
    }

    /** {@code queries} random rows, each read, given a new number and written before the answer. */
    void updates(Exchange ex) throws IOException, SQLException {
        ex.json(worlds.update(randomIds(Counts.clamp(ex.query("queries"))), DbHandlers::anotherNumber));
    }

    /** {@code count} random rows from the cache, which loads a row it lacks through the repository. */
    void cachedQueries(Exchange ex) throws IOException {
        int[] ids = randomIds(Counts.clamp(ex.query("count")));
        World[] rows = new World[ids.length];
        for (int i = 0; i < ids.length; i++) {
            rows[i] = cache.get(ids[i]);
        }
        ex.json(rows);
    }

    private static int randomId() {
        return ThreadLocalRandom.current().nextInt(1, WorldRepository.ROWS + 1);
    }

    private static int[] randomIds(int count) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = randomId();
        }
        return ids;
    }

    /** A random number in 1..10000 other than {@code current}, so every updated row really changes. */
    private static int anotherNumber(int current) {
        int next = ThreadLocalRandom.current().nextInt(1, WorldRepository.ROWS);
        return next >= current ? next + 1 : next;
    }
}
