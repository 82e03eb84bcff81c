package dev.groundup;

import dev.groundup.techempower.TechEmpower;
import dev.groundup.bodies.Bodies;
import dev.groundup.csrf.Csrf;
import dev.groundup.db.Database;
import dev.groundup.db.DatabaseOutage;
import dev.groundup.errors.Errors;
import dev.groundup.files.StaticFiles;
import dev.groundup.health.Health;
import dev.groundup.hello.Hello;
import dev.groundup.http.StandardHeaders;
import dev.groundup.metrics.Metrics;
import dev.groundup.requestids.RequestIds;
import dev.groundup.routing.Json;
import dev.groundup.routing.Routes;
import dev.groundup.routing.Routing;
import dev.groundup.http.RequestOrigin;
import dev.groundup.techempower.DbTests;
import dev.groundup.todos.Todos;
import dev.groundup.views.Views;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one wiring of the application: every servlet and filter is registered here.
 *
 * <p>A WAR gets this listener from {@code WEB-INF/web.xml}; the launcher deploys the same
 * web.xml, so there is never a second copy of the routing. web.xml holds what is the container's
 * to read: the error page and its servlet, the welcome file, the media types, and the settings of
 * the container's own default servlet for files.
 */
public final class Wiring implements ServletContextListener {
    /**
     * Set (to TRUE) by the launcher: open the database on a thread of its own, so files and pages
     * that need no database are served while it opens. The launcher then waits on
     * {@link #DATABASE_OPENED}. A container deploys the WAR as before: ready when the database is.
     */
    public static final String OPEN_DATABASE_IN_BACKGROUND = "dev.groundup.openDatabaseInBackground";
    /** A {@code CompletableFuture<Void>}: completes when the database is open, or with why it is not. */
    public static final String DATABASE_OPENED = "dev.groundup.databaseOpened";

    /** Opened when the context starts, closed when it is destroyed: one pool per deployment. */
    private Database database;
    private Metrics metrics;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Config config = context.getAttribute(Config.ATTRIBUTE) instanceof Config launcherConfig
                ? launcherConfig
                : Config.fromContext(context);
        context.setAttribute(Config.ATTRIBUTE, config);

        // The TechEmpower tables only when its test types are on: --no-techempower leaves both out.
        List<Database.Migrations> more = config.techEmpower() ? List.of(DbTests.MIGRATIONS) : List.of();
        database = Boolean.TRUE.equals(context.getAttribute(OPEN_DATABASE_IN_BACKGROUND))
                ? Database.openInBackground(config.dbUrl(), more, config.dbTimeout())
                : Database.open(config.dbUrl(), more, config.dbTimeout());
        context.setAttribute(DATABASE_OPENED, database.opened());
        try {
            JsonMapper json = Json.newMapper(); // the one mapper, handed to whoever reads or writes JSON
            RequestIds.install(context); // first, so every other filter's log lines carry the id
            // The templates the build compiled; with --dev, compiled from the source folder and reloaded on change.
            Views views = config.dev() ? Views.fromSource(Path.of("src/main/jte")) : Views.precompiled();
            Csrf csrf = new Csrf(config.secret(), new RequestOrigin(config.trustProxy())::of);
            Errors.install(context, json, views);
            metrics = Metrics.install(context, config, database); // null unless turned on
            StandardHeaders.install(context);
            Hello.install(context);
            StaticFiles.install(context, config.staticRoot(), config.serveDotfiles(), database.localFiles(),
                    config.listDirs() ? views : null);
            // Every feature's route table, in one router.
            List<Routes> tables = new ArrayList<>(List.of(
                    Hello.routes(),
                    Todos.routes(database.jdbi(), config.trustProxy()),
                    Todos.pages(database.jdbi(), views, csrf),
                    Health.routes(database)));
            if (config.techEmpower()) {
                tables.addAll(List.of(TechEmpower.routes(), DbTests.routes(database.jdbi(), views)));
            }
            Routing.install(context, config, json, tables, List.of(new DatabaseOutage()));
            // Request bodies arrive whole before these servlets run, read without holding a thread.
            Bodies.install(context, config.maxBodyBytes(), config.bodyTimeout(), Hello.SERVLET, Routing.SERVLET);
        } catch (RuntimeException e) {
            contextDestroyed(event); // a failed start gets no contextDestroyed from the container
            throw e;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
