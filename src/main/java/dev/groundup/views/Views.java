package dev.groundup.views;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the jte templates of {@code src/main/jte/} to UTF-8 bytes. Every expression is
 * HTML-escaped unless a template marks it otherwise ({@link ContentType#Html}).
 *
 * <p>Normally the templates are the classes the build precompiled (jte-maven-plugin), so nothing
 * is read from the source tree or compiled at run time. In development ({@code --dev}) they are
 * compiled from the source folder instead and recompiled when a file changes.
 */
public final class Views {
    private final TemplateEngine engine;
    private static final int MAX_SIZE_HINT = 1024 * 1024;
    /** The largest page so far (up to a MiB), so a page is usually rendered without growing its buffer. */
    private volatile int largestPage = 8 * 1024;

    private Views(TemplateEngine engine) {
        this.engine = engine;
    }

    /** The templates the build precompiled into this application's classes. */
    public static Views precompiled() {
        return new Views(TemplateEngine.createPrecompiled(null, ContentType.Html, Views.class.getClassLoader()));
    }

    /** Templates compiled from {@code sourceFolder} on first use and again whenever one changes. */
    public static Views fromSource(Path sourceFolder) {
        try {
            Path classes = Files.createTempDirectory("groundup-jte");
            TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(sourceFolder), classes,
                    ContentType.Html, Views.class.getClassLoader());
            engine.setBinaryStaticContent(true); // as the build's precompiled templates are
            return new Views(engine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for compiled templates", e);
        }
    }

    /** {@code template} (e.g. {@code "todos/list.jte"}) rendered with {@code model}, as UTF-8. */
    public byte[] render(String template, Object model) {
        PageOutput out = new PageOutput(largestPage);
        engine.render(template, model, out);
        if (out.length() > largestPage && out.length() <= MAX_SIZE_HINT) {
            largestPage = out.length();
        }
        return out.toByteArray();
    }
}
