package io.mediahub.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every setting Mediahub reads, resolved once: the documented defaults from {@code config/application.properties}
 * (on the classpath), then a {@code .env} file in the working directory, then the process environment.
 *
 * <p>A property key {@code emby.page-size} is overridden by the variable {@code EMBY_PAGE_SIZE}: upper case,
 * dots and dashes become underscores. Keys in the {@code mediahub.} domain drop nothing ({@code mediahub.data-dir}
 * is {@code MEDIAHUB_DATA_DIR}).
 *
 * <p>Secrets ({@link #isSecret(String)}) come only from the environment (or {@code .env}); a secret written in a
 * properties file is refused, so it can never have a default. {@link #toString()} and {@link #describe(String)}
 * never show a secret's value.
 */
public final class Settings {

    public static final String DEFAULTS_RESOURCE = "mediahub-config/application.properties";

    private static final Set<String> SECRET_SUFFIXES = Set.of("api-key", "token", "password", "read-access-token", "notify-url", "secret");

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Loads the settings the way the application does: defaults, {@code ./.env}, then the real environment. */
    public static Settings load() {
        return load(System.getenv(), Path.of(".env"));
    }

    /**
     * Loads defaults, then the given {@code .env} file (if it exists), then {@code env}. Tests pass their own map
     * and a path that does not exist, so they never read the developer's own settings.
     */
    public static Settings load(Map<String, String> env, Path dotEnv) {
        Map<String, String> defaults = readDefaults();
        Map<String, String> overlay = new LinkedHashMap<>();
        if (dotEnv != null && Files.isRegularFile(dotEnv)) {
            overlay.putAll(DotEnvFile.read(dotEnv));
        }
        overlay.putAll(env);
        return fromDefaultsAndEnv(defaults, overlay);
    }

    static Settings fromDefaultsAndEnv(Map<String, String> defaults, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : defaults.entrySet()) {
            if (isSecret(d.getKey()) && !d.getValue().isBlank()) {
                throw new IllegalStateException("Setting " + d.getKey() + " is a secret and may not have a default; set "
                        + envName(d.getKey()) + " in the environment instead");
            }
            values.put(d.getKey(), d.getValue());
        }
        // Every known key may be overridden by its variable.
        for (String key : new ArrayList<>(values.keySet())) {
            String v = env.get(envName(key));
            if (v != null) {
                values.put(key, v.trim());
            }
        }
        return new Settings(values);
    }

    private static Map<String, String> readDefaults() {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DEFAULTS_RESOURCE + " on the classpath (a broken build)");
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        new TreeSet<>(p.stringPropertyNames()).forEach(k -> m.put(k, p.getProperty(k).trim()));
        return m;
    }

    /** {@code emby.page-size} → {@code EMBY_PAGE_SIZE}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static boolean isSecret(String key) {
        String last = key.substring(key.indexOf('.') + 1);
        return SECRET_SUFFIXES.stream().anyMatch(last::endsWith);
    }

    /** A copy with some values replaced: for tests and for CLI flags. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> m = new LinkedHashMap<>(values);
        overrides.forEach((k, v) -> {
            if (!m.containsKey(k)) {
                throw new IllegalArgumentException("Unknown setting " + k);
            }
            m.put(k, v);
        });
        return new Settings(m);
    }

    public Optional<String> find(String key) {
        requireKnown(key);
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public String get(String key) {
        return find(key).orElseThrow(() -> new MissingSettingException(key));
    }

    public String get(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    public int getInt(String key) {
        String v = get(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new SettingException("Setting " + key + " (" + envName(key) + ") must be a whole number, not '" + v + "'");
        }
    }

    public long getLong(String key) {
        String v = get(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new SettingException("Setting " + key + " (" + envName(key) + ") must be a whole number, not '" + v + "'");
        }
    }

    public double getDouble(String key) {
        String v = get(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new SettingException("Setting " + key + " (" + envName(key) + ") must be a number, not '" + v + "'");
        }
    }

    public boolean getBoolean(String key) {
        String v = get(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new SettingException("Setting " + key + " (" + envName(key) + ") must be true or false, not '" + v + "'");
        };
    }

    /** A duration in seconds ({@code 30}) or ISO-8601 ({@code PT30S}). */
    public Duration getDuration(String key) {
        String v = get(key);
        try {
            return v.startsWith("P") || v.startsWith("p") ? Duration.parse(v) : Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (RuntimeException e) {
            throw new SettingException("Setting " + key + " (" + envName(key) + ") must be seconds or an ISO-8601 duration, not '" + v + "'");
        }
    }

    public List<String> getList(String key) {
        return find(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    public Path dataDir() {
        return Path.of(get("mediahub.data-dir"));
    }

    /** All keys, sorted, for the configuration reference and {@code flows}. */
    public Set<String> keys() {
        return new TreeSet<>(values.keySet());
    }

    /**
     * A value fit for a log line or an output: secrets become {@code (set)} or {@code (not set)}, and a URL's
     * credentials ({@code jdbc:mysql://user:secret@host/db}, {@code ?password=secret}) become {@code ***}.
     */
    public String describe(String key) {
        Optional<String> v = find(key);
        if (isSecret(key)) {
            return v.isPresent() ? "(set)" : "(not set)";
        }
        return v.map(x -> redacted(key, x)).orElse("");
    }

    /**
     * Every non-secret value, for handing to Camel as initial properties. Secrets stay in this object; so does any
     * credential inside a URL ({@code MEDIAHUB_DB_URL=jdbc:mysql://user:secret@host/db}): Camel gets the URL redacted.
     */
    public Map<String, String> nonSecretValues() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!isSecret(k)) {
                m.put(k, redacted(k, v));
            }
        });
        return m;
    }

    private static String redacted(String key, String value) {
        return key.endsWith("url") ? JdbcUrls.redact(value) : value;
    }

    private void requireKnown(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("Unknown setting " + key + " (not in config/application.properties)");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Settings{");
        keys().forEach(k -> sb.append(k).append('=').append(describe(k)).append(", "));
        return sb.append('}').toString();
    }
}
