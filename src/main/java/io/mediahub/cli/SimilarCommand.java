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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code similar ITEM}: the k nearest titles by genre. */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = {"The titles closest to ITEM by cosine similarity of their L2-normalised one-hot genre vectors (an episode "
                + "stands for its series). Ties: name, then id.",
                "Uses the genre matrix cached by features-build-genres, rebuilt first if the library changed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:results printed", "1:the store or cache could not be read", "2:no such item (close names are suggested)"})
public class SimilarCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ITEM", description = "An item id, or a title's exact name (case ignored).")
    String item;

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
            if (m.size() == 0) {
                System.err.println("The library is empty: run 'run emby-sync-library' first.");
                return 1;
            }
            List<Integer> rows = WatchProfiles.findItem(m, item);
            if (rows.isEmpty()) {
                System.err.println(unknown("item", item, titles(m)));
                return 2;
            }
            int row = rows.get(0);
            List<TitleRecommender.Neighbour> result = new TitleRecommender(m).similar(row, options.k);
            print(System.out, m, row, rows.size(), result);
            return 0;
        }
    }

    static List<String> titles(GenreMatrix m) {
        List<String> names = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) {
            names.add(m.name(i));
        }
        return names;
    }

    static String unknown(String what, String text, List<String> names) {
        List<String> close = WatchProfiles.suggestions(names, text, 5);
        return "No " + what + " called '" + text + "'" + (close.isEmpty() ? "." : ". Did you mean: " + String.join(", ", close) + "?");
    }

    private void print(PrintStream out, GenreMatrix m, int row, int matches, List<TitleRecommender.Neighbour> result) throws Exception {
        if (options.json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.set("item", itemJson(m, row));
            ArrayNode arr = root.putArray("results");
            int rank = 1;
            for (TitleRecommender.Neighbour n : result) {
                arr.add(itemJson(m, n.row()).put("rank", rank++).put("score", round(n.score())));
            }
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        out.println("Similar to " + describe(m, row) + (matches > 1 ? " (" + matches + " items have this name; the first by id)" : ""));
        if (result.isEmpty()) {
            out.println("(no title shares a genre with it)");
            return;
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"#", "score", "title", "type", "year", "genres"});
        int rank = 1;
        for (TitleRecommender.Neighbour n : result) {
            table.add(new String[] {String.valueOf(rank++), String.format(Locale.ROOT, "%.3f", n.score()), m.name(n.row()), m.type(n.row()),
                    m.year(n.row()) < 0 ? "" : String.valueOf(m.year(n.row())), String.join(", ", m.genres(n.row()))});
        }
        printTable(out, table);
    }

    static String describe(GenreMatrix m, int row) {
        return m.name(row) + " (" + m.type(row) + (m.year(row) < 0 ? "" : ", " + m.year(row)) + "; " + m.id(row) + ") — genres: "
                + (m.genres(row).isEmpty() ? "none" : String.join(", ", m.genres(row)));
    }

    static ObjectNode itemJson(GenreMatrix m, int row) {
        ObjectNode n = new ObjectMapper().createObjectNode().put("item_id", m.id(row)).put("name", m.name(row)).put("type", m.type(row));
        if (m.year(row) >= 0) {
            n.put("year", m.year(row));
        }
        ArrayNode g = n.putArray("genres");
        m.genres(row).forEach(g::add);
        return n;
    }

    static double round(double d) {
        return Math.round(d * 10_000) / 10_000.0;
    }

    static void printTable(PrintStream out, List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], Math.min(48, r[i].length()));
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String c = r[i].length() > 48 ? r[i].substring(0, 47) + "…" : r[i];
                sb.append(i == r.length - 1 ? c : String.format(Locale.ROOT, "%-" + w[i] + "s  ", c));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
