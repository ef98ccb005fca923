package io.mediahub.config;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one setting accepts, declared in {@code config/application.properties} by a tag at the end of the comment
 * line above the key ({@code # Items per /Items page. [int 1..]}), or, for the keys whose name says it, by the name:
 * {@code *-cron} a schedule, {@code *-enabled} true/false, {@code *-url} a URL, {@code *-timezone}/{@code *-zone} a
 * time zone, {@code *-dir} a folder, a secret any text.
 *
 * <p>Tags: {@code [int]}, {@code [int 1..]}, {@code [int 0..65535]}, {@code [double 0..1]}, {@code [duration]},
 * {@code [size]}, {@code [bool]}, {@code [cron]}, {@code [zone]}, {@code [url]}, {@code [jdbc]},
 * {@code [enum a|b|c]}, {@code [list]}, {@code [datetime]}, {@code [path]}, {@code [text]}.
 *
 * @param kind one of the tag names
 * @param arg  the range of a number ({@code 1..}), or the choices of an enum; empty otherwise
 */
public record SettingType(String kind, String arg) {
    static final List<String> KINDS = List.of("int", "double", "duration", "size", "bool", "cron", "zone", "url", "jdbc", "enum", "list",
            "datetime", "path", "text");
    private static final Pattern TAG = Pattern.compile("\\[(" + String.join("|", KINDS) + ")(?:\\s+([^\\]]+))?]\\s*$");

    /** The tag at the end of a comment line, if it has one. */
    static Optional<SettingType> fromComment(String commentLine) {
        Matcher m = TAG.matcher(commentLine);
        return m.find() ? Optional.of(new SettingType(m.group(1), m.group(2) == null ? "" : m.group(2).trim())) : Optional.empty();
    }

    /** The type a key's name implies, for keys without a tag. */
    static Optional<SettingType> fromName(String key) {
        String last = key.substring(Math.max(key.lastIndexOf('.'), key.lastIndexOf('-')) + 1);
        String kind = switch (last) {
            case "cron" -> "cron";
            case "enabled" -> "bool";
            case "url" -> "url";
            case "timezone", "zone" -> "zone";
            case "dir" -> "path";
            default -> Settings.isSecret(key) ? "text" : null;
        };
        return Optional.ofNullable(kind).map(k -> new SettingType(k, ""));
    }

    /** Kinds whose empty value means "not set" or "off"; the others need a value. */
    private boolean blankAllowed() {
        return switch (kind) {
            case "int", "double", "duration", "size", "bool", "enum" -> false;
            default -> true;
        };
    }

    /** What the setting accepts, as the end of "X must be …". */
    public String accepts() {
        return switch (kind) {
            case "int" -> "a whole number" + range();
            case "double" -> "a number" + range();
            case "duration" -> "seconds (30, 0.5) or an ISO-8601 duration (PT2M)";
            case "size" -> "a size in bytes or with a K, M, G or T suffix (500M, 4G)";
            case "bool" -> "true or false";
            case "cron" -> "a schedule: Quartz cron such as '0 0 3 * * ?', Unix cron such as '0 3 * * *', or @daily (empty: not scheduled)";
            case "zone" -> "a time zone such as Europe/Paris, UTC or +02:00";
            case "url" -> "an http:// or https:// URL";
            case "jdbc" -> "a jdbc:sqlite:, jdbc:mysql: or jdbc:mariadb: URL";
            case "enum" -> choices().size() == 1 ? choices().get(0) : String.join(", ", choices().subList(0, choices().size() - 1)) + " or "
                    + choices().get(choices().size() - 1);
            case "datetime" -> "a date-time such as 2025-08-15 11:10:00";
            default -> "text";
        };
    }

    /** What the setting accepts in a few words, for "X is not …" (numbers, booleans and choices are already short). */
    public String noun() {
        return switch (kind) {
            case "duration", "size" -> "a " + kind;
            case "url" -> "a URL";
            case "cron" -> "a cron expression";
            case "zone" -> "a time zone";
            case "jdbc" -> "a JDBC URL";
            case "datetime" -> "a date-time";
            default -> accepts();
        };
    }

    private List<String> choices() {
        return Arrays.stream(arg.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private String range() {
        if (arg.isEmpty()) {
            return "";
        }
        String[] b = arg.split("\\.\\.", -1);
        String lo = b[0].trim();
        String hi = b.length > 1 ? b[1].trim() : "";
        return lo.isEmpty() ? " of at most " + hi : hi.isEmpty() ? " of at least " + lo : " from " + lo + " to " + hi;
    }

    /** True when {@code value} is one this setting accepts. */
    public boolean accepts(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return blankAllowed();
        }
        try {
            return switch (kind) {
                case "int" -> inRange(Long.parseLong(v));
                case "double" -> {
                    double d = Double.parseDouble(v);
                    yield Double.isFinite(d) && inRange(d);
                }
                case "duration" -> {
                    Duration d = v.startsWith("P") || v.startsWith("p") ? Duration.parse(v) : Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
                    yield !d.isNegative();
                }
                case "size" -> v.toUpperCase(Locale.ROOT).matches("[1-9][0-9]*\\s*([KMGT]I?B?)?|[1-9][0-9]*\\s*B");
                case "bool" -> List.of("true", "yes", "1", "on", "false", "no", "0", "off").contains(v.toLowerCase(Locale.ROOT));
                case "cron" -> {
                    CronSchedules.toQuartz("", v);
                    yield true;
                }
                case "zone" -> {
                    ZoneId.of(v);
                    yield true;
                }
                case "url" -> {
                    URI u = new URI(v);
                    yield ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
                }
                case "jdbc" -> v.startsWith("jdbc:sqlite:") || v.startsWith("jdbc:mysql:") || v.startsWith("jdbc:mariadb:");
                case "enum" -> choices().stream().anyMatch(c -> c.equalsIgnoreCase(v));
                case "datetime" -> isDateTime(v);
                default -> true;
            };
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean isDateTime(String v) {
        try {
            LocalDateTime.parse(v.replace(' ', 'T'));
            return true;
        } catch (DateTimeException e) {
            try {
                LocalDate.parse(v);
                return true;
            } catch (DateTimeException e2) {
                return false;
            }
        }
    }

    private boolean inRange(double n) {
        if (arg.isEmpty()) {
            return true;
        }
        String[] b = arg.split("\\.\\.", -1);
        return (b[0].isBlank() || n >= Double.parseDouble(b[0].trim())) && (b.length < 2 || b[1].isBlank() || n <= Double.parseDouble(b[1].trim()));
    }
}
