package io.mediahub.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowFailedException;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages of the {@code emby-sync-history} route that are not calls or writes: each moves the run's state
 * ({@link HistoryRun}, the route's variable {@code sync}) on between the route's endpoints. (1) raw events from the
 * Playback Reporting plugin, paged by ROWID, only the rows after the highest one stored unless {@code --full} or
 * {@code HISTORY_FULL_REFRESH=true}; (2–4) sessions, user-item stats and completion ratios for the (user, item) pairs
 * that gained events or whose item's runtime changed ({@link WatchHistoryRebuild}). Each step runs only after the
 * previous one succeeded.
 */
public class WatchHistorySync {
    private static final Logger LOG = LoggerFactory.getLogger(WatchHistorySync.class);
    private static final int LISTED_REJECTS = 20;

    private final Settings settings;
    private final Clock clock;
    private final ServerLocalTime time;

    public WatchHistorySync(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.time = ServerLocalTime.from(settings);
    }

    /** The run's state, from the flow runner's request. */
    public HistoryRun start(FlowRequest request) {
        boolean full = request.option("full") || settings.getBoolean("history.full-refresh");
        return new HistoryRun(request, full, settings.getInt("history.page-size"), clock.instant());
    }

    /** The server's users (answers of {@code emby-list-users}), where it is, and the highest ROWID stored. */
    public void begin(HistoryRun run, JsonNode usersListed, JsonNode usersHidden, String where, long storedMax) {
        run.begin(PlaybackActivityMapper.userNames(usersListed, usersHidden), where, storedMax);
        LOG.info("emby-sync-history: reading Playback Reporting history from {} after ROWID {} (server zone {})", where, run.last(),
                time.serverZone());
    }

    /** The body of the next page's query (the rows after the highest ROWID so far). */
    public Map<String, Object> pageQuery(HistoryRun run) {
        run.request().checkNotStopping();
        return PlaybackActivityMapper.query(run.last(), run.pageSize());
    }

    /** The plugin's answer as rows; a refused query or a missing column fails the run in one line. */
    public List<PlaybackActivityMapper.ActivityRow> rows(HistoryRun run, JsonNode answer) {
        try {
            return PlaybackActivityMapper.rows(answer, run.where());
        } catch (FlowFailedException e) {
            throw new FlowFailedException(e.getMessage(), run.result());
        }
    }

    /** The endpoint answered 404: the plugin is not installed. */
    public void pluginMissing(HistoryRun run) {
        throw new FlowFailedException("the Playback Reporting plugin is not installed on " + run.where() + " (" + PlaybackActivityMapper.QUERY_PATH
                + " answered 404); install it from the server's plugin catalogue, then run emby-sync-history again", run.result());
    }

    /**
     * One page: each row read is kept as an event or rejected (counted, the first ones listed, each logged); the
     * listing moves past the page's highest ROWID, and ends after a short page. A page that does not move past the
     * previous one (the loop's hard stop) fails the run.
     */
    public List<RawEventWriter.RawEvent> page(HistoryRun run, List<PlaybackActivityMapper.ActivityRow> page) {
        FlowResult result = run.result();
        List<RawEventWriter.RawEvent> good = new ArrayList<>(page.size());
        long before = run.last();
        long last = before;
        for (PlaybackActivityMapper.ActivityRow r : page) {
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
                if (run.rejects().size() < LISTED_REJECTS) {
                    run.rejects().add("ROWID " + rowId + " " + why);
                }
                LOG.warn("emby-sync-history: rejected PlaybackActivity ROWID {}: {}", rowId, why);
                continue;
            }
            good.add(toEvent(rowId, r, time, run.users()));
        }
        run.paged(last, page.size());
        if (run.more() && last <= before) {
            throw new FlowFailedException("the Playback Reporting answer from " + run.where() + " did not move past ROWID " + before
                    + "; nothing after it was read", result);
        }
        return good;
    }

    /** Counts one page's stored events. */
    public void written(HistoryRun run, int written) {
        run.result().written(written);
    }

    /** Counts a full re-read's prune. */
    public void pruned(HistoryRun run, long pruned) {
        run.result().deleted(pruned).count("events_pruned", pruned);
    }

    /** Raw events done: the rejected rows become the run's problem text; the rebuild may start. */
    public void eventsDone(HistoryRun run) {
        if (!run.rejects().isEmpty()) {
            long n = run.result().counter("events_rejected");
            run.result().problem(n + " PlaybackActivity row(s) rejected" + (n > run.rejects().size() ? " (first " + run.rejects().size() + ")" : "")
                    + ": " + String.join("; ", run.rejects()));
        }
        run.request().checkNotStopping();
    }

    /** The run's counts for flow_runs, after the rebuild. */
    public FlowResult finish(HistoryRun run, WatchHistoryRebuild.Counts counts) {
        FlowResult result = run.result();
        result.count("pairs_rebuilt", counts.pairs()).count("pairs_runtime_changed", counts.runtimeChangedPairs())
                .count("sessions", counts.sessions()).count("user_item_stats", counts.stats());
        LOG.info("emby-sync-history: {} rows read, {} stored, {} rejected; {} pairs rebuilt ({} for a new runtime) into {} sessions",
                result.read(), result.written(), result.skipped(), counts.pairs(), counts.runtimeChangedPairs(), counts.sessions());
        return result;
    }

    /** Why a row cannot be kept (an unreadable date, a negative or unreadable duration, no user or item), or null. */
    static String rejectReason(PlaybackActivityMapper.ActivityRow r, ServerLocalTime time) {
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

    private static RawEventWriter.RawEvent toEvent(long rowId, PlaybackActivityMapper.ActivityRow r, ServerLocalTime time, Map<String, String> users) {
        Instant started = time.toInstant(r.dateCreated()).orElseThrow().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new RawEventWriter.RawEvent(rowId, r.userId().trim(), users.get(PlaybackActivityMapper.normaliseId(r.userId().trim())),
                r.itemId().trim(), r.itemType(), r.itemName(), started, r.dateCreated().trim(), Long.parseLong(r.playDuration().trim()),
                r.playMethod(), r.clientName(), r.deviceName());
    }
}
