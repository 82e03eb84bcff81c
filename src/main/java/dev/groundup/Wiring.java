package dev.groundup;

import dev.groundup.files.StaticFiles;
import dev.groundup.hello.Hello;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * The one wiring of the application: every servlet and filter is registered here.
 *
 * <p>A WAR gets this listener from {@code WEB-INF/web.xml}; the launcher deploys the same
 * web.xml, so there is never a second copy of the routing. web.xml itself holds only what the
 * Servlet API cannot register in code: the error page and welcome files.
 */
public final class Wiring implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Config config = context.getAttribute(Config.ATTRIBUTE) instanceof Config launcherConfig
                ? launcherConfig
                : Config.fromContext(context);
        context.setAttribute(Config.ATTRIBUTE, config);

        StandardHeaders.install(context);
        Hello.install(context);
        StaticFiles.install(context);
    }
}
