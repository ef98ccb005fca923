package io.mediahub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahub.config.Settings;
import io.mediahub.history.GenreMatrix;
import io.mediahub.history.GenreMatrixBuild;
import io.mediahub.history.TitleRecommender;
import io.mediahub.history.WatchProfiles;
import io.mediahub.store.Store;
import java.io.PrintStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code recommend USER}: "because you watched" titles and series to catch up on. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Titles USER has not watched, ranked by cosine similarity to a genre profile built from their sessions: "
                + "completed sessions weigh FEATURES_WEIGHT_COMPLETED, partial FEATURES_WEIGHT_PARTIAL, sampled FEATURES_WEIGHT_SAMPLED, "
                + "abandoned nothing. Each title shows the genres it matched and the watched titles it is closest to.",
                "Then the series in progress with their next unwatched episodes, in season order (specials last).",
                "Needs emby-sync-history to have run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:results printed", "1:the store or cache could not be read", "2:no such user (close names are suggested)"})
public class RecommendCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "USER", description = "A user name (case ignored) or id.")
    String user;

    @Mixin
    TopTitlesOptions options = new TopTitlesOptions();

    @Override
    public Integer call() throws Exception {
        if (!options.valid()) {
            return 2;
        }
        Settings settings = MediahubCommand.settingsSource.get();
        try (Store store = Store.open(settings)) {
            GenreMatrix m = new GenreMatrixBuild(settings, store).current();
            TitleRecommender.Watched watched;
            WatchProfiles.User u;
            try (Connection c = store.connection()) {
                List<WatchProfiles.User> users = WatchProfiles.users(c);
                Optional<WatchProfiles.User> found = WatchProfiles.find(users, user);
                if (found.isEmpty()) {
                    System.err.println(users.isEmpty() ? "No user called '" + user + "': no users are known yet; run emby-sync-library and emby-sync-history first."
                            : SimilarCommand.unknown("user", user, users.stream().map(WatchProfiles.User::name).toList()));
                    return 2;
                }
                u = found.get();
                watched = new WatchProfiles(settings).watched(c, u.id(), m);
            }
            TitleRecommender r = new TitleRecommender(m);
            List<TitleRecommender.Recommendation> recs = r.recommend(watched, options.k);
            List<TitleRecommender.CatchUp> catchUp = r.catchUp(watched, 3, options.k);
            print(System.out, m, u, watched, recs, catchUp);
            return 0;
        }
    }

    /** "S01E02 Name", or the name alone when the numbers are unknown. */
    static String episodeLabel(GenreMatrix m, int row) {
        return m.season(row) >= 0 && m.episode(row) >= 0
                ? String.format(Locale.ROOT, "S%02dE%02d %s", m.season(row), m.episode(row), m.name(row)) : m.name(row);
    }

    private void print(PrintStream out, GenreMatrix m, WatchProfiles.User u, TitleRecommender.Watched watched,
                       List<TitleRecommender.Recommendation> recs, List<TitleRecommender.CatchUp> catchUp) throws Exception {
        if (options.json) {
            ObjectMapper om = new ObjectMapper();
            ObjectNode root = om.createObjectNode();
            root.putObject("user").put("user_id", u.id()).put("name", u.name());
            root.put("titles_watched", watched.titleWeights().size());
            ArrayNode because = root.putArray("because_you_watched");
            int rank = 1;
            for (TitleRecommender.Recommendation rec : recs) {
                ObjectNode n = SimilarCommand.itemJson(m, rec.row()).put("rank", rank++).put("score", SimilarCommand.round(rec.score()));
                ArrayNode g = n.putArray("matched_genres");
                rec.matchedGenres().forEach(g::add);
                ArrayNode cw = n.putArray("closest_watched");
                rec.closestWatched().forEach(t -> cw.addObject().put("item_id", m.id(t)).put("name", m.name(t)));
                because.add(n);
            }
            ArrayNode cu = root.putArray("catch_up");
            for (TitleRecommender.CatchUp c : catchUp) {
                ObjectNode n = SimilarCommand.itemJson(m, c.seriesRow()).put("unwatched_episodes", c.unwatchedEpisodes());
                ArrayNode next = n.putArray("next");
                c.nextEpisodes().forEach(e -> next.addObject().put("item_id", m.id(e)).put("name", m.name(e)).put("label", episodeLabel(m, e)));
                cu.add(n);
            }
            out.println(om.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        out.println("Recommendations for " + u.name() + " (" + watched.titleWeights().size() + " titles watched)");
        out.println();
        out.println("Because you watched");
        if (recs.isEmpty()) {
            out.println("(nothing yet: no completed, partial or sampled sessions with genres; run emby-sync-history)");
        } else {
            List<String[]> table = new ArrayList<>();
            table.add(new String[] {"#", "score", "title", "type", "year", "matched genres", "closest watched"});
            int rank = 1;
            for (TitleRecommender.Recommendation rec : recs) {
                table.add(new String[] {String.valueOf(rank++), String.format(Locale.ROOT, "%.3f", rec.score()), m.name(rec.row()), m.type(rec.row()),
                        m.year(rec.row()) < 0 ? "" : String.valueOf(m.year(rec.row())), String.join(", ", rec.matchedGenres()),
                        String.join(", ", rec.closestWatched().stream().map(m::name).toList())});
            }
            SimilarCommand.printTable(out, table);
        }
        out.println();
        out.println("Catch up");
        if (catchUp.isEmpty()) {
            out.println("(no series in progress)");
        } else {
            List<String[]> table = new ArrayList<>();
            table.add(new String[] {"series", "unwatched", "next"});
            for (TitleRecommender.CatchUp c : catchUp) {
                table.add(new String[] {m.name(c.seriesRow()), String.valueOf(c.unwatchedEpisodes()),
                        String.join(", ", c.nextEpisodes().stream().map(e -> episodeLabel(m, e)).toList())});
            }
            SimilarCommand.printTable(out, table);
        }
    }
}
