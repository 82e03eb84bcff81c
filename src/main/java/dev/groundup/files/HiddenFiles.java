package dev.groundup.files;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Files that exist in the site's folder but are never served, answered 404 like a missing file:
 * names starting with a dot (.git/, .env) unless {@code --serve-dotfiles}, except
 * {@code /.well-known/} (RFC 8615); and the files of the running embedded database, whatever the
 * flags, when they lie inside the served folder.
 *
 * <p>The filter and the launcher's fast path ask the same instance.
 */
public final class HiddenFiles {
    private static final String WELL_KNOWN = ".well-known";

    private final boolean serveDotfiles;
    private final Path root;
    private final Path databaseDir;
    private final String databasePrefix;

    /**
     * @param root the served folder as a real path, or null when the site is not a folder
     * @param databaseFiles the path the embedded database's file names start with, or null
     */
    HiddenFiles(boolean serveDotfiles, Path root, Path databaseFiles) {
        this.serveDotfiles = serveDotfiles;
        Path dir = databaseFiles == null ? null : realOrNull(databaseFiles.getParent());
        boolean inside = root != null && dir != null && dir.startsWith(root);
        this.root = inside ? root : null;
        this.databaseDir = inside ? dir : null;
        this.databasePrefix = inside ? databaseFiles.getFileName() + "." : null;
    }

    /** Whether {@code path} (decoded, in the site, starting with /) must answer 404. */
    public boolean hidden(String path) {
        return (!serveDotfiles && dotted(path)) || database(path);
    }

    private static boolean dotted(String path) {
        int start = 1;
        while (start < path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end > start && path.charAt(start) == '.'
                    && !(start == 1 && path.regionMatches(start, WELL_KNOWN, 0, end - start) && end - start == WELL_KNOWN.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** By real path, so a link inside the folder to the database is hidden too. Only costs when the database is inside. */
    private boolean database(String path) {
        if (databaseDir == null || path.endsWith("/")) {
            return false;
        }
        try {
            Path file = root.resolve(path.substring(1)).toRealPath();
            return databaseDir.equals(file.getParent()) && file.getFileName().toString().startsWith(databasePrefix);
        } catch (IOException | InvalidPathException e) {
            return false; // not there, or not a name this file system has: nothing to hide
        }
    }

    private static Path realOrNull(Path dir) {
        try {
            return dir == null ? null : dir.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }
}
