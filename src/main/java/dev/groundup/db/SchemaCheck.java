package dev.groundup.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether Flyway would have nothing to do, answered without Flyway: loading and configuring it costs
 * a large part of a start (hundreds of classes, its own JSON mapper), and on most starts the schema
 * is already current.
 *
 * <p>Current means: every {@code V<version>__<description>.sql} in the folder has a successful row
 * in the history table with the same checksum, as Flyway computes it, and the table holds nothing
 * else than applied versioned migrations, a baseline and Flyway's note of creating the table. Anything this does not recognise (another
 * kind of migration or file, a failed or deleted row, a folder it cannot list, no history table)
 * answers "not current", and Flyway runs as before, reporting what it finds. The check only reads,
 * so two instances starting at once are as safe as Flyway alone: while one migrates (PostgreSQL:
 * one transaction per migration, under Flyway's lock), the other sees the last version missing
 * and runs Flyway, which waits for the lock.
 */
final class SchemaCheck {
    /** Flyway's default naming: V, a version of digits separated by dots or underscores, two underscores. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]*\\.sql");

    private SchemaCheck() {
    }

    /**
     * The schema version in force when Flyway's migrate would apply nothing from {@code location}
     * to {@code historyTable}; null when it would, or might.
     */
    static String currentVersion(DataSource dataSource, String location, String historyTable) {
        Map<List<Integer>, Integer> wanted = migrations(location);
        if (wanted == null || wanted.isEmpty()) {
            return null;
        }
        String highest = null;
        List<Integer> highestVersion = List.of();
        Map<List<Integer>, Integer> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             // Quoted lowercase names: Flyway creates them so on H2, and PostgreSQL folds to lowercase anyway.
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"type\", \"checksum\", \"success\" FROM \""
                     + historyTable.replace("\"", "") + "\"")) {
            while (rows.next()) {
                String type = rows.getString(2);
                if (rows.getBoolean(4) && rows.getString(1) == null && ("TABLE".equals(type) || "SCHEMA".equals(type))) {
                    continue; // Flyway's note that it created the history table (or the schema)
                }
                if (!rows.getBoolean(4) || !("SQL".equals(type) || "BASELINE".equals(type)) || rows.getString(1) == null) {
                    return null; // a failed migration, a repair's DELETE row, an undo: Flyway's to judge
                }
                if ("SQL".equals(type)) {
                    int checksum = rows.getInt(3);
                    applied.put(version(rows.getString(1)), rows.wasNull() ? null : checksum);
                }
                List<Integer> version = version(rows.getString(1));
                if (highest == null || compare(version, highestVersion) > 0) {
                    highest = rows.getString(1);
                    highestVersion = version;
                }
            }
        } catch (SQLException | NumberFormatException e) {
            return null; // no history table yet (a fresh database), or versions Flyway's to read
        }
        for (Map.Entry<List<Integer>, Integer> migration : wanted.entrySet()) {
            if (!applied.containsKey(migration.getKey())
                    || !migration.getValue().equals(applied.get(migration.getKey()))) {
                return null;
            }
        }
        return highest;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Each versioned migration in {@code location} ({@code classpath:folder}) and its checksum; null
     * when the folder holds anything else or cannot be listed (an unusual class loader).
     */
    static Map<List<Integer>, Integer> migrations(String location) {
        if (!location.startsWith("classpath:")) {
            return null;
        }
        String folder = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
        ClassLoader loader = SchemaCheck.class.getClassLoader();
        Map<List<Integer>, Integer> found = new HashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                List<String> names = list(url, folder);
                if (names == null) {
                    return null;
                }
                for (String name : names) {
                    Matcher m = VERSIONED.matcher(name);
                    if (!m.matches()) {
                        return null; // a repeatable migration, a callback, a Java migration: let Flyway see it
                    }
                    URL file = loader.getResource(folder + "/" + name);
                    if (file == null || found.put(version(m.group(1)), checksum(file)) != null) {
                        return null; // two files of one version: Flyway refuses them, and should say so
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return found;
    }

    /** The file names directly in {@code folder} at {@code url}: a directory or a jar; null for anything else. */
    private static List<String> list(URL url, String folder) throws IOException {
        if ("file".equals(url.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            } catch (URISyntaxException e) {
                return null;
            }
        }
        if ("jar".equals(url.getProtocol()) && url.openConnection() instanceof JarURLConnection jar) {
            jar.setUseCaches(false); // our own handle, closed here, not the class loader's shared one
            List<String> names = new ArrayList<>();
            try (JarFile file = jar.getJarFile()) {
                String prefix = folder + "/";
                for (JarEntry entry : Collections.list(file.entries())) {
                    String rest = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : null;
                    if (rest != null && !rest.isEmpty() && !entry.isDirectory()) {
                        if (rest.contains("/")) {
                            return null; // Flyway reads subfolders too; this check does not
                        }
                        names.add(rest);
                    }
                }
            }
            return names;
        }
        return null;
    }

    /** "1.2" and "1_2" are one version, as is "1.02"; compared part by part. */
    static List<Integer> version(String text) {
        List<Integer> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            parts.add(Integer.valueOf(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1) == 0) {
            parts.remove(parts.size() - 1); // Flyway: 1.0 is 1
        }
        return List.copyOf(parts);
    }

    /**
     * Flyway's checksum of a SQL migration: a CRC-32 over the UTF-8 bytes of each line, without its
     * line ending (so CRLF and LF files agree) and without a byte-order mark.
     */
    static int checksum(URL file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = file.openStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = reader.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }
}
