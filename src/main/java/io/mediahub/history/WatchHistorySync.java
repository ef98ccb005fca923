package io.mediahub.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.HttpSettings;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowFailedException;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import io.mediahub.store.Store;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code emby-sync-history} flow: (1) raw events from the Playback Reporting plugin, paged by ROWID, only the rows
 * after the highest one stored unless {@code --full} or {@code HISTORY_FULL_REFRESH=true}; (2–4) sessions, user-item
 * stats and completion ratios for the (user, item) pairs that gained events or whose item's runtime changed
 * ({@link WatchHistoryRebuild}). Each step runs only after the previous one succeeded.
 */
public class WatchHistorySync {
    private static final Logger LOG = LoggerFactory.getLogger(WatchHistorySync.class);
    private static final int LISTED_REJECTS = 20;

    private final Settings settings;
    private final Store store;
    private final ObjectMapper json;
    private final Clock clock;

    public WatchHistorySync(Settings settings, Store store, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    public FlowResult run(FlowRequest request) throws SQLException {
        FlowResult result = new FlowResult();
        boolean full = request.option("full") || settings.getBoolean("history.full-refresh");
        ServerLocalTime time = ServerLocalTime.from(settings);
        PlaybackReportingClient client = PlaybackReportingClient.connect(settings.get("emby.url"), settings.get("emby.api-key"),
                HttpSettings.from(settings), json);
        Map<String, String> users = client.userNames();
        Instant stamp = clock.instant();
        long previousMax = store.inTransaction(c -> RawEventWriter.maxRowId(c));
        long after = full ? 0 : previousMax;
        LOG.info("emby-sync-history: reading Playback Reporting history from {} after ROWID {} (server zone {})", client.describe(), after,
                time.serverZone());

        int pageSize = settings.getInt("history.page-size");
        List<String> rejects = new ArrayList<>();
        long last = after;
        while (true) {
            request.checkNotStopping();
            List<PlaybackReportingClient.ActivityRow> page;
            try {
                page = client.page(last, pageSize);
            } catch (FlowFailedException e) {
                throw new FlowFailedException(e.getMessage(), result);
            }
            if (page.isEmpty()) {
                break;
            }
            List<RawEventWriter.RawEvent> good = new ArrayList<>(page.size());
            for (PlaybackReportingClient.ActivityRow r : page) {
                result.read(1);
                long rowId;
                try {
                    rowId = Long.parseLong(r.rowId().trim());
                } catch (RuntimeException e) {
                    throw new FlowFailedException("the Playback Reporting answer has a row without a numeric ROWID after " + last, result);
                }
                last = Math.max(last, rowId);
                String why = rejectReason(r, time);
                if (why != null) {
                    result.skipped(1).count("events_rejected", 1);
                    if (rejects.size() < LISTED_REJECTS) {
                        rejects.add("ROWID " + rowId + " " + why);
                    }
                    LOG.warn("emby-sync-history: rejected PlaybackActivity ROWID {}: {}", rowId, why);
                    continue;
                }
                good.add(toEvent(rowId, r, time, users));
            }
            long first = good.isEmpty() ? 0 : good.get(0).sourceRowId();
            long lastOfPage = good.isEmpty() ? 0 : good.get(good.size() - 1).sourceRowId();
            int written = store.inTransaction(c -> {
                int n = RawEventWriter.write(c, good, stamp);
                if (!full && n > 0) {
                    RawEventWriter.markDirty(c, first, lastOfPage);
                }
                return n;
            });
            result.written(written);
            if (page.size() < pageSize) {
                break;
            }
        }
        if (full) {
            long pruned = store.inTransaction(c -> RawEventWriter.pruneNotSynced(c, stamp.toString()));
            result.deleted(pruned).count("events_pruned", pruned);
        }
        long since = full ? 0 : previousMax;
        store.inTransaction(c -> {
            result.count("events_unknown_user", RawEventWriter.countUnknownUsers(c, since, users.keySet()));
            result.count("events_unknown_item", RawEventWriter.countUnknownItems(c, since));
            return null;
        });
        if (!rejects.isEmpty()) {
            long n = result.counter("events_rejected");
            result.problem(n + " PlaybackActivity row(s) rejected" + (n > rejects.size() ? " (first " + rejects.size() + ")" : "") + ": "
                    + String.join("; ", rejects));
        }

        request.checkNotStopping();
        WatchHistoryRebuild.Counts counts = new WatchHistoryRebuild(store, SessionRules.from(settings)).rebuild(full);
        result.count("pairs_rebuilt", counts.pairs()).count("pairs_runtime_changed", counts.runtimeChangedPairs())
                .count("sessions", counts.sessions()).count("user_item_stats", counts.stats());
        LOG.info("emby-sync-history: {} rows read, {} stored, {} rejected; {} pairs rebuilt ({} for a new runtime) into {} sessions",
                result.read(), result.written(), result.skipped(), counts.pairs(), counts.runtimeChangedPairs(), counts.sessions());
        return result;
    }

    /** Why a row cannot be kept (an unreadable date, a negative or unreadable duration, no user or item), or null. */
    static String rejectReason(PlaybackReportingClient.ActivityRow r, ServerLocalTime time) {
        if (r.userId() == null || r.userId().isBlank()) {
            return "has no UserId";
        }
        if (r.itemId() == null || r.itemId().isBlank()) {
            return "has no ItemId";
        }
        if (time.toInstant(r.dateCreated()).isEmpty()) {
            return "has an unreadable DateCreated '" + r.dateCreated() + "'";
        }
        Optional<Long> d = duration(r.playDuration());
        if (d.isEmpty()) {
            return "has an unreadable PlayDuration '" + r.playDuration() + "'";
        }
        if (d.get() < 0) {
            return "has a negative PlayDuration " + d.get();
        }
        return null;
    }

    private static Optional<Long> duration(String text) {
        try {
            return Optional.of(Long.parseLong(text == null ? "" : text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static RawEventWriter.RawEvent toEvent(long rowId, PlaybackReportingClient.ActivityRow r, ServerLocalTime time, Map<String, String> users) {
        Instant started = time.toInstant(r.dateCreated()).orElseThrow().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new RawEventWriter.RawEvent(rowId, r.userId().trim(), users.get(PlaybackReportingClient.normaliseId(r.userId().trim())),
                r.itemId().trim(), r.itemType(), r.itemName(), started, r.dateCreated().trim(), Long.parseLong(r.playDuration().trim()),
                r.playMethod(), r.clientName(), r.deviceName());
    }
}
