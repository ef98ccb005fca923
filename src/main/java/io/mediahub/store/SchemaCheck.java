package io.mediahub.store;

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
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a store's schema is exactly the one the migrations on the classpath make: every migration applied,
 * successfully, with the checksum Flyway recorded for it, and nothing else. Then opening the store needs no Flyway
 * (whose start-up costs more than a short command's whole work); any difference, or any doubt, and Flyway runs as
 * always (migrating, or reporting what does not match).
 */
final class SchemaCheck {
    /** Flyway's versioned migration names: {@code V6__instances_and_locks.sql}. */
    private static final Pattern MIGRATION = Pattern.compile("V[0-9][0-9._]*__.+\\.sql");

    private SchemaCheck() {
    }

    /** True when {@code schema_history} lists exactly the classpath's migrations in {@code folder}, all applied and unchanged. */
    static boolean isCurrent(DataSource dataSource, String folder) {
        try {
            Map<String, Integer> expected = migrations(folder);
            if (expected.isEmpty()) {
                return false;
            }
            Map<String, Integer> applied = new HashMap<>();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT script, checksum, success, type FROM schema_history")) {
                while (r.next()) {
                    int checksum = r.getInt(2);
                    boolean noChecksum = r.wasNull();
                    if (!r.getBoolean(3) || !"SQL".equals(r.getString(4)) || noChecksum || applied.put(r.getString(1), checksum) != null) {
                        return false;
                    }
                }
            }
            return applied.equals(expected);
        } catch (SQLException | IOException | URISyntaxException | RuntimeException e) {
            // No history table yet, another layout, an unreadable jar: Flyway decides.
            return false;
        }
    }

    /** Script name → Flyway's checksum, for every versioned migration in {@code folder} on the classpath. */
    static Map<String, Integer> migrations(String folder) throws IOException, URISyntaxException {
        Map<String, Integer> scripts = new HashMap<>();
        ClassLoader loader = SchemaCheck.class.getClassLoader();
        URL url = loader.getResource(folder);
        if (url == null) {
            return scripts;
        }
        if ("file".equals(url.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (MIGRATION.matcher(name).matches()) {
                        try (InputStream in = Files.newInputStream(f)) {
                            scripts.put(name, checksum(in));
                        }
                    }
                }
            }
        } else if ("jar".equals(url.getProtocol())) {
            JarURLConnection jar = (JarURLConnection) url.openConnection();
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            for (Enumeration<java.util.jar.JarEntry> e = jar.getJarFile().entries(); e.hasMoreElements();) {
                String entry = e.nextElement().getName();
                String name = entry.substring(entry.lastIndexOf('/') + 1);
                if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0 && MIGRATION.matcher(name).matches()) {
                    try (InputStream in = jar.getJarFile().getInputStream(jar.getJarFile().getEntry(entry))) {
                        scripts.put(name, checksum(in));
                    }
                }
            }
        } else {
            throw new IOException("cannot list " + url);
        }
        return scripts;
    }

    /** Flyway's checksum of a script: CRC32 over its lines (UTF-8, without line breaks, a leading BOM dropped). */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        while (line != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = reader.readLine();
        }
        return (int) crc.getValue();
    }
}
