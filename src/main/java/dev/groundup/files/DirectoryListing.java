package dev.groundup.files;

import dev.groundup.http.MediaType;
import dev.groundup.http.Responses;
import dev.groundup.views.Views;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --list-dirs}: a folder without index.html answers with the list of what it holds, as
 * {@code python3 -m http.server} does; hidden files, WEB-INF and META-INF are left out. Built from
 * the servlet context's resources, so every container lists alike.
 */
final class DirectoryListing {
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ServletContext context;
    private final HiddenFiles hidden;
    private final Views views;
    private final Path siteFolder;

    /** @param siteFolder the site's folder as a real path, or null when it is not on disk */
    DirectoryListing(ServletContext context, HiddenFiles hidden, Views views, Path siteFolder) {
        this.context = context;
        this.hidden = hidden;
        this.views = views;
        this.siteFolder = siteFolder;
    }

    /** Sends the listing of folder {@code path} (ending in /) and returns true, or false when it has an index.html or is no folder. */
    boolean send(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        Set<String> children = context.getResourcePaths(path);
        if (children == null || context.getResource(path + "index.html") != null || !inside(path)) {
            return false; // the default servlet answers: the index, a redirect, or 404
        }
        List<Listing.Entry> entries = new ArrayList<>();
        for (String child : children) {
            if (hidden.hidden(child) || protectedPath(child) || context.getResource(child) == null || !inside(child)) {
                continue;
            }
            boolean folder = child.endsWith("/");
            String name = child.substring(path.length(), child.length() - (folder ? 1 : 0));
            entries.add(entry(name, folder, context.getResource(child)));
        }
        entries.sort(Comparator.comparing((Listing.Entry e) -> !e.folder())
                .thenComparing(Listing.Entry::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Listing.Entry::name));
        String parent = path.equals("/") ? null : request.getContextPath() + path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
        byte[] page = views.render("files/listing.jte", new Listing(path, parent, entries));
        response.setHeader("Cache-Control", CachePolicy.HTML);
        Responses.send(request, response, HttpServletResponse.SC_OK, MediaType.HTML, page);
        return true;
    }

    /**
     * Whether {@code path} is inside the site's folder once links are followed: the container
     * refuses to serve a link out of it, but lists it in its resource paths.
     */
    private boolean inside(String path) {
        if (siteFolder == null) {
            return true;
        }
        String real = context.getRealPath(path);
        try {
            return real != null && Path.of(real).toRealPath().startsWith(siteFolder);
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    private static boolean protectedPath(String child) {
        String lower = child.toLowerCase(Locale.ROOT);
        return lower.startsWith("/web-inf/") || lower.startsWith("/meta-inf/");
    }

    private static Listing.Entry entry(String name, boolean folder, URL url) {
        long size = -1;
        String modified = "";
        try {
            URLConnection connection = url.openConnection();
            long lastModified = connection.getLastModified();
            modified = lastModified > 0 ? MODIFIED.format(Instant.ofEpochMilli(lastModified)) : "";
            size = folder ? -1 : connection.getContentLengthLong();
            connection.getInputStream().close(); // a file: URL opens the file to answer; let it go now
        } catch (IOException e) {
            // gone since it was listed: shown without size or time
        }
        return new Listing.Entry(name, encode(name) + (folder ? "/" : ""), folder, size, modified);
    }

    /** A file name as one path segment: everything but unreserved characters percent-encoded as UTF-8. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
