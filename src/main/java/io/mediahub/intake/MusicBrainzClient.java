package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.common.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * MusicBrainz WS/2 lookups and the release search, JSON, one run's worth. Each request goes to
 * {@code direct:intake-ask-musicbrainz} (routes/intake/intake-ask-musicbrainz.camel.yaml): retried under
 * {@code mediahub-http-policy} through {@code intake-call-musicbrainz}, so every request, retries included, passes its
 * {@code throttle} (one per {@code MUSICBRAINZ_REQUEST_INTERVAL}, shared by every run) and carries the User-Agent
 * MusicBrainz asks of every client: {@code Mediahub/<version> ( <contact> )} ({@link #userAgent}, set by the
 * {@code musicbrainzApi} step). Ids from elsewhere (AcoustID's answer) go into a path only when they are MBIDs.
 */
public class MusicBrainzClient {
    static final Pattern MBID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** The release search's page size (the Media Library app's). */
    static final int SEARCH_LIMIT = 25;
    static final int CACHED_RELEASES = 64;

    private final IntakeCalls.RunCalls http;
    /** Release lookups kept for the run (an album's tracks share theirs), the most recent {@value #CACHED_RELEASES}. */
    private final Map<String, JsonNode> releases = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
            return size() > CACHED_RELEASES;
        }
    };

    /**
     * MusicBrainz's request for a contact, said once per process ({@link #PROCESS}) and only when a request is about to
     * go out without one: a run that files no audio, or a start of the container, says nothing.
     */
    static final class ContactWarning {
        static final ContactWarning PROCESS = new ContactWarning(LoggerFactory.getLogger(MusicBrainzClient.class)::warn);

        private final AtomicBoolean said = new AtomicBoolean();
        private final Consumer<String> log;

        ContactWarning(Consumer<String> log) {
            this.log = log;
        }

        void before(String contact, String userAgent) {
            if ((contact == null || contact.isBlank()) && !said.getAndSet(true)) {
                log.accept("MusicBrainz asks every client for a contact in its User-Agent: set MUSICBRAINZ_CONTACT to your e-mail "
                        + "address or a URL (requests go out as '" + userAgent + "' meanwhile)");
            }
        }
    }

    private final String contact;
    private final String userAgent;
    private final ContactWarning warning;

    public MusicBrainzClient(IntakeCalls calls, String contact) {
        this(calls, contact, ContactWarning.PROCESS);
    }

    MusicBrainzClient(IntakeCalls calls, String contact, ContactWarning warning) {
        this.contact = contact;
        this.userAgent = userAgent(contact);
        this.warning = warning;
        this.http = new IntakeCalls.RunCalls(calls, IntakeCalls.MUSICBRAINZ);
    }

    private JsonNode get(String path, Map<String, ?> query) {
        return http.call(Map.of("httpPath", path, "httpQuery", io.mediahub.common.Urls.query(query)), null);
    }

    static String userAgent(String contact) {
        String v = MusicBrainzClient.class.getPackage().getImplementationVersion();
        String name = "Mediahub/" + (v == null ? "dev" : v);
        String c = contact == null ? "" : contact.replaceAll("[\\p{Cntrl}()\\s]+", " ").strip();
        return c.isEmpty() ? name : name + " ( " + c + " )";
    }

    public static boolean isMbid(String id) {
        return id != null && MBID.matcher(id).matches();
    }

    /** {@code /ws/2/recording/{mbid}} with its releases, their release groups and media, and artist credits; null when MusicBrainz has none. */
    public JsonNode recording(String mbid) {
        return lookup("recording", mbid, "releases release-groups media artist-credits");
    }

    /** {@code /ws/2/release/{mbid}} with its tracks, recordings, artist credits and release group; null when MusicBrainz has none. Cached. */
    public JsonNode release(String mbid) {
        if (!releases.containsKey(mbid)) {
            releases.put(mbid, lookup("release", mbid, "recordings artist-credits release-groups media"));
        }
        return releases.get(mbid);
    }

    /** The release search ({@code release:"…"}, and the artist when known), at most {@link #SEARCH_LIMIT} in MusicBrainz's order. */
    public JsonNode searchReleases(String album, String artist) {
        String query = "release:" + phrase(album) + (artist == null || artist.isBlank() ? "" : " AND artist:" + phrase(artist));
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("query", query);
        q.put("limit", SEARCH_LIMIT);
        q.put("fmt", "json");
        warning.before(contact, userAgent);
        return get("/ws/2/release", q);
    }

    /** A Lucene phrase: backslashes and quotes escaped. */
    static String phrase(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private JsonNode lookup(String entity, String mbid, String inc) {
        if (!isMbid(mbid)) {
            throw new IllegalArgumentException("not a MusicBrainz id: " + InboxIntake.printable(String.valueOf(mbid)));
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("inc", inc);
        q.put("fmt", "json");
        warning.before(contact, userAgent);
        try {
            return get("/ws/2/" + entity + "/" + mbid, q);
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }
}
