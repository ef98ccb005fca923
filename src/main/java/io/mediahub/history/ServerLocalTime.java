package io.mediahub.history;

import io.mediahub.config.Settings;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Reads the Playback Reporting plugin's {@code DateCreated} ({@code yyyy-MM-dd HH:mm:ss.FFFFFFF}, server-local, no zone)
 * as an instant: in the server's zone ({@code EMBY_SERVER_TIMEZONE}), except that events before the correction cut-off
 * (if one is configured) are read in the zone they were really recorded in. A local time that a DST change skips is
 * moved forward by the gap; one that occurs twice is read as the earlier (summer-time) instant, as {@code java.time} does.
 */
public final class ServerLocalTime {
    private static final DateTimeFormatter PLUGIN = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final ZoneId serverZone;
    private final LocalDateTime correctionBefore;
    private final ZoneId correctionZone;

    /**
     * @param correctionBefore events with a local time strictly before this were recorded in {@code correctionZone}; null for none
     */
    public ServerLocalTime(ZoneId serverZone, LocalDateTime correctionBefore, ZoneId correctionZone) {
        this.serverZone = serverZone;
        this.correctionBefore = correctionBefore;
        this.correctionZone = correctionZone;
    }

    public static ServerLocalTime from(Settings s) {
        String zone = s.get("emby.server-timezone", "").trim();
        ZoneId server = zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone);
        String before = s.get("history.zone-correction-before", "").trim();
        if (before.isEmpty()) {
            return new ServerLocalTime(server, null, null);
        }
        String recorded = s.get("history.zone-correction-zone", "").trim();
        if (recorded.isEmpty()) {
            throw new IllegalArgumentException("HISTORY_ZONE_CORRECTION_BEFORE is set but HISTORY_ZONE_CORRECTION_ZONE is not");
        }
        LocalDateTime cut = parseLocal(before).orElseThrow(() -> new IllegalArgumentException(
                "HISTORY_ZONE_CORRECTION_BEFORE=" + before + " is not a date-time like 2025-08-15 11:10:00"));
        return new ServerLocalTime(server, cut, ZoneId.of(recorded));
    }

    public ZoneId serverZone() {
        return serverZone;
    }

    /** The text as a local date-time, or empty if it is not one (a date alone is midnight). */
    public static Optional<LocalDateTime> parseLocal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return Optional.of(java.time.LocalDate.parse(t, DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(java.time.format.ResolverStyle.STRICT)).atStartOfDay());
            }
            return Optional.of(LocalDateTime.parse(t, PLUGIN));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The instant of a plugin timestamp, or empty when it cannot be read. */
    public Optional<Instant> toInstant(String text) {
        return parseLocal(text).map(this::toInstant);
    }

    public Instant toInstant(LocalDateTime local) {
        ZoneId zone = correctionBefore != null && local.isBefore(correctionBefore) ? correctionZone : serverZone;
        return local.atZone(zone).toInstant();
    }
}
