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
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /**
     * Variables that start like a setting but belong to Mediahub's build and tests, not to its settings: never warned
     * about. A domain declares its own patterns (named instances) through {@link #unknownVariables(Collection)}.
     */
    private static final Set<String> OTHER_VARIABLES = Set.of("MEDIAHUB_SHARED_DIR", "MEDIAHUB_REQUIRE_ALL", "MEDIAHUB_IT_MYSQL_URL",
            "MEDIAHUB_IT_MYSQL_USER", "MEDIAHUB_IT_MYSQL_PASSWORD", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY");

    /**
     * Settings a user repeats under a name of their own, for a second instance of a service: beside {@code RADARR_URL}
     * and {@code RADARR_API_KEY}, {@code RADARR_4K_URL} and {@code RADARR_4K_API_KEY} (read as {@code radarr.4k.url},
     * {@code radarr.4k.api-key}). Domain → the keys of one instance.
     */
    private static final Map<String, List<String>> NAMED_INSTANCE_KEYS = Map.of("radarr", List.of("url", "api-key"), "sonarr", List.of("url", "api-key"));
    /** {@code <DOMAIN>_<NAME>_<KEY>}: RADARR_4K_URL; the name is letters, digits and single underscores. */
    private static final java.util.regex.Pattern NAMED_INSTANCE_VARIABLE = java.util.regex.Pattern.compile(
            "(" + String.join("|", NAMED_INSTANCE_KEYS.keySet().stream().map(Settings::envName).sorted().toList()) + ")_([A-Z0-9]+(?:_[A-Z0-9]+)*?)_("
                    + String.join("|", NAMED_INSTANCE_KEYS.values().stream().flatMap(List::stream).map(Settings::envName).distinct().sorted().toList()) + ")");

    private final Map<String, String> values;
    private final Map<String, SettingType> types;
    /** The names (never the values) of the variables the environment and .env gave. */
    private final Set<String> givenVariables;

    private Settings(Map<String, String> values, Map<String, SettingType> types, Set<String> givenVariables) {
        this.values = Collections.unmodifiableMap(values);
        this.types = types;
        this.givenVariables = givenVariables;
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
        List<String> lines = readDefaultsFile();
        Map<String, String> defaults = defaults(lines);
        Map<String, String> overlay = new LinkedHashMap<>();
        if (dotEnv != null && Files.isRegularFile(dotEnv)) {
            overlay.putAll(DotEnvFile.read(dotEnv));
        }
        overlay.putAll(env);
        Settings s = fromDefaultsAndEnv(defaults, overlay);
        return new Settings(s.values, types(lines), Set.copyOf(overlay.keySet()));
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
        Set<String> knownVariables = new java.util.HashSet<>();
        for (String key : new ArrayList<>(values.keySet())) {
            knownVariables.add(envName(key));
            String v = env.get(envName(key));
            if (v != null) {
                values.put(key, v.trim());
            }
        }
        // Named instances: every key of an instance exists (blank when not set) once one of its variables is set.
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (knownVariables.contains(e.getKey())) {
                continue;
            }
            namedInstanceKey(e.getKey()).ifPresent(key -> {
                String domain = key.substring(0, key.indexOf('.'));
                String instance = key.substring(0, key.lastIndexOf('.') + 1); // radarr.4k.
                NAMED_INSTANCE_KEYS.get(domain).forEach(k -> values.putIfAbsent(instance + k, ""));
                values.put(key, e.getValue().trim());
            });
        }
        return new Settings(values, Map.of(), Set.of());
    }

    /**
     * The key a named-instance variable sets ({@code RADARR_4K_URL} → {@code radarr.4k.url}, {@code SONARR_ANIME_API_KEY}
     * → {@code sonarr.anime.api-key}; a name's underscores become dashes), or empty when the variable is not one.
     * Such variables are known settings, not typos.
     */
    public static Optional<String> namedInstanceKey(String variable) {
        java.util.regex.Matcher m = NAMED_INSTANCE_VARIABLE.matcher(variable);
        if (!m.matches()) {
            return Optional.empty();
        }
        String domain = m.group(1).toLowerCase(Locale.ROOT);
        String name = m.group(2).toLowerCase(Locale.ROOT).replace('_', '-');
        String key = m.group(3).toLowerCase(Locale.ROOT).replace('_', '-');
        return Optional.of(domain + "." + name + "." + key);
    }

    /** The names of the domain's named instances that have a variable set ({@code radarr} → {@code [4k]}), sorted. */
    public List<String> instanceNames(String domain) {
        List<String> keys = NAMED_INSTANCE_KEYS.getOrDefault(domain, List.of());
        if (keys.isEmpty()) {
            return List.of();
        }
        String first = "." + keys.get(0);
        return values.keySet().stream().filter(k -> k.length() > domain.length() + 1 + first.length() && k.startsWith(domain + ".") && k.endsWith(first))
                .map(k -> k.substring(domain.length() + 1, k.length() - first.length())).filter(n -> !n.isEmpty() && !n.contains("."))
                .sorted().toList();
    }

    private static List<String> readDefaultsFile() {
        try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DEFAULTS_RESOURCE + " on the classpath (a broken build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> defaults(List<String> lines) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(String.join("\n", lines)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        new TreeSet<>(p.stringPropertyNames()).forEach(k -> m.put(k, p.getProperty(k).trim()));
        return m;
    }

    /** Each key's type: the tag of the comment line above it, else what its name implies ({@link SettingType}). */
    static Map<String, SettingType> types(List<String> lines) {
        Map<String, SettingType> m = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                continue;
            }
            String key = l.substring(0, eq).strip();
            Optional<SettingType> t = i > 0 && lines.get(i - 1).startsWith("#") ? SettingType.fromComment(lines.get(i - 1)) : Optional.empty();
            t.or(() -> SettingType.fromName(key)).ifPresent(type -> m.put(key, type));
        }
        return m;
    }

    /** What {@code key} accepts, if application.properties says (every key does; a test makes sure). */
    public Optional<SettingType> type(String key) {
        requireKnown(key);
        return Optional.ofNullable(types.get(key));
    }

    /**
     * The one-line problem with {@code key}'s value, if its type does not accept it: {@code EMBY_PAGE_SIZE must be a
     * whole number of at least 1, not 'lots'}. A secret's value is never repeated; a URL's credentials are hidden.
     */
    public Optional<String> problem(String key) {
        SettingType t = type(key).orElse(null);
        String v = values.get(key);
        if (t == null || t.accepts(v)) {
            return Optional.empty();
        }
        String shown = v == null || v.isBlank() ? ", not empty" : isSecret(key) ? "" : ", not '" + redacted(key, v) + "'";
        return Optional.of(envName(key) + " must be " + t.accepts() + shown);
    }

    /** Every setting whose value its type does not accept, one line each, in key order. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        keys().forEach(k -> problem(k).ifPresent(out::add));
        return out;
    }

    /**
     * Checks every setting, as the process starts and before any flow runs.
     *
     * @throws SettingException naming each variable whose value cannot be used and what it accepts, in one line
     */
    public Settings validate() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new SettingException(String.join("; ", p));
        }
        return this;
    }

    /**
     * Warnings for variables of the environment or {@code .env} that start like a setting ({@code EMBY_},
     * {@code MEDIAHUB_}, …) but are none: {@code EMBY_APIKEY is not a Mediahub setting; did you mean EMBY_API_KEY?}.
     *
     * @param knownPatterns more names that are known, {@code *} standing for a name part ({@code RADARR_*_URL})
     */
    public List<String> unknownVariables(Collection<String> knownPatterns) {
        Set<String> known = new TreeSet<>();
        keys().forEach(k -> known.add(envName(k)));
        Set<String> prefixes = new TreeSet<>();
        keys().forEach(k -> prefixes.add(envName(k.substring(0, k.indexOf('.') + 1))));
        List<Pattern> patterns = new ArrayList<>();
        for (String glob : knownPatterns) {
            patterns.add(Pattern.compile(Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining("[A-Z0-9_]+"))));
        }
        List<String> out = new ArrayList<>();
        for (String name : new TreeSet<>(givenVariables)) {
            if (known.contains(name) || OTHER_VARIABLES.contains(name) || namedInstanceKey(name).isPresent() || prefixes.stream().noneMatch(name::startsWith)
                    || patterns.stream().anyMatch(p -> p.matcher(name).matches())) {
                continue;
            }
            String closest = closest(name, known);
            out.add(name + " is not a Mediahub setting" + (closest == null ? "" : "; did you mean " + closest + "?"));
        }
        return out;
    }

    /** The known name nearest to {@code name} by edit distance, if it is near enough to be a typo. */
    static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = EditDistance.between(name, k, 64);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
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
        return new Settings(m, types, givenVariables);
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
