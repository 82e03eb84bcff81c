package dev.groundup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the launcher's database lives when none is given: {@code ./data/groundup}, unless that
 * folder would be inside the folder being served ({@code --static-root .}). Then it lives in the
 * user's data directory, one database per served folder, so serving a folder never writes into it
 * and two folders can be served at once.
 */
final class DefaultDatabase {
    static final String BESIDE = "jdbc:h2:./data/groundup";

    private DefaultDatabase() {
    }

    static String forLauncher(Path staticRoot, Path workDir, Map<String, String> env) {
        Path data = realOrAbsolute(workDir).resolve("data");
        if (staticRoot == null || !data.startsWith(staticRoot)) {
            return BESIDE;
        }
        String name = staticRoot.getFileName() == null ? "root" : staticRoot.getFileName().toString();
        Path folder = dataHome(env).resolve("groundup")
                .resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + shortHash(staticRoot.toString()));
        return "jdbc:h2:" + folder.resolve("groundup").toAbsolutePath();
    }

    /** XDG_DATA_HOME, else %LOCALAPPDATA% on Windows, else ~/.local/share. */
    static Path dataHome(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        String local = env.get("LOCALAPPDATA");
        if (local != null && !local.isBlank()) {
            return Path.of(local);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share");
    }

    private static Path realOrAbsolute(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
