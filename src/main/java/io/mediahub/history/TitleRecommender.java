package io.mediahub.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * k-nearest titles by cosine similarity of L2-normalised one-hot genre vectors (EMBRACE's k-NN), and per-user
 * recommendations ranked by similarity to a genre profile built from the user's sessions. Titles are movies, series and
 * other non-episode items; an episode counts as its series. Ties are broken by name, then item id, so results are stable.
 * No Camel, no store: a pure calculator over a loaded {@link GenreMatrix}.
 */
public final class TitleRecommender {

    /** A similar title and its cosine similarity. */
    public record Neighbour(int row, double score) {
    }

    /** A recommended title, with why: the genres it matched in the profile and the watched titles it is closest to. */
    public record Recommendation(int row, double score, List<String> matchedGenres, List<Integer> closestWatched) {
    }

    /** A series in progress and its next unwatched episodes (season, episode order). */
    public record CatchUp(int seriesRow, List<Integer> nextEpisodes, int unwatchedEpisodes, String lastWatchedAt) {
    }

    /** What a user watched: per title row the profile weight (by outcome), and per episode row its best outcome. */
    public record Watched(Map<Integer, Double> titleWeights, Map<Integer, String> episodeOutcomes, Map<Integer, String> lastWatched) {
    }

    private final GenreMatrix m;
    private final Comparator<Neighbour> worstFirst;

    public TitleRecommender(GenreMatrix matrix) {
        this.m = matrix;
        // Equal scores: the row whose name (then id) sorts last is the worse; the matrix stores each row's place in that order.
        this.worstFirst = Comparator.comparingDouble(Neighbour::score).thenComparingInt((Neighbour n) -> -m.tieRank(n.row()));
    }

    private boolean isTitle(int row) {
        return !m.isEpisode(row);
    }

    /** Lowest score first; among equal scores the name (then id) that sorts last comes first, so it is dropped first. */
    private Comparator<Neighbour> worstFirst() {
        return worstFirst;
    }

    private List<Neighbour> best(PriorityQueue<Neighbour> heap) {
        List<Neighbour> out = new ArrayList<>(heap);
        out.sort(worstFirst().reversed());
        return out;
    }

    /** The k titles nearest to {@code row} (an episode stands for its series), itself excluded, similarity > 0. */
    public List<Neighbour> similar(int row, int k) {
        int q = m.title(row);
        PriorityQueue<Neighbour> heap = new PriorityQueue<>(k + 1, worstFirst());
        for (int i = 0; i < m.size(); i++) {
            if (i == q || !isTitle(i)) {
                continue;
            }
            double s = m.cosine(q, i);
            if (s > 0) {
                offer(heap, i, s, k);
            }
        }
        return best(heap);
    }

    /** Keeps the k best: a row below the worst kept is dropped before it costs an object. */
    private void offer(PriorityQueue<Neighbour> heap, int row, double score, int k) {
        if (heap.size() < k) {
            heap.add(new Neighbour(row, score));
            return;
        }
        Neighbour worst = heap.peek();
        if (score > worst.score() || score == worst.score() && m.tieRank(row) < m.tieRank(worst.row())) {
            heap.poll();
            heap.add(new Neighbour(row, score));
        }
    }

    /** The user's genre profile: Σ weight × the title's L2-normalised vector. */
    public double[] profile(Watched w) {
        double[] p = new double[m.vocabulary().size()];
        for (Map.Entry<Integer, Double> e : w.titleWeights().entrySet()) {
            int t = e.getKey();
            int n = m.genreCount(t);
            if (n == 0 || e.getValue() <= 0) {
                continue;
            }
            double v = e.getValue() / Math.sqrt(n);
            for (int g = 0; g < p.length; g++) {
                if (m.has(t, g)) {
                    p[g] += v;
                }
            }
        }
        return p;
    }

    /** Unwatched titles ranked by cosine similarity to the profile; each with its top genres and closest watched titles. */
    public List<Recommendation> recommend(Watched w, int k) {
        double[] p = profile(w);
        double norm = 0;
        for (double x : p) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return List.of();
        }
        int words = m.words;
        // The watched titles in row order, passed by one cursor as the scan goes (no per-query array of the library's size).
        int[] seen = w.titleWeights().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int next = 0;
        PriorityQueue<Neighbour> heap = new PriorityQueue<>(k + 1, worstFirst());
        for (int i = 0; i < m.size(); i++) {
            while (next < seen.length && seen[next] < i) {
                next++;
            }
            if (next < seen.length && seen[next] == i || m.genreCount(i) == 0 || !isTitle(i)) {
                continue;
            }
            double dot = 0;
            for (int wd = 0; wd < words; wd++) {
                long b = m.word(i, wd);
                while (b != 0) {
                    int g = wd * 64 + Long.numberOfTrailingZeros(b);
                    dot += p[g];
                    b &= b - 1;
                }
            }
            if (dot > 0) {
                offer(heap, i, dot / (norm * Math.sqrt(m.genreCount(i))), k);
            }
        }
        List<Integer> liked = w.titleWeights().entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().toList();
        List<Recommendation> out = new ArrayList<>();
        for (Neighbour n : best(heap)) {
            List<Integer> genres = new ArrayList<>();
            for (int g = 0; g < p.length; g++) {
                if (m.has(n.row(), g) && p[g] > 0) {
                    genres.add(g);
                }
            }
            genres.sort(Comparator.comparingDouble((Integer g) -> -p[g]).thenComparing(g -> g));
            PriorityQueue<Neighbour> closest = new PriorityQueue<>(3, worstFirst());
            for (int t : liked) {
                double s = m.cosine(n.row(), t);
                if (s > 0) {
                    offer(closest, t, s, 2);
                }
            }
            out.add(new Recommendation(n.row(), n.score(), genres.stream().limit(3).map(g -> m.vocabulary().get(g)).toList(),
                    best(closest).stream().map(Neighbour::row).toList()));
        }
        return out;
    }

    /**
     * Series in progress (an episode completed or partly watched) with episodes the user has not completed, most
     * recently watched series first; up to {@code perSeries} next episodes after the furthest one watched.
     */
    public List<CatchUp> catchUp(Watched w, int perSeries, int maxSeries) {
        Map<Integer, String> seriesLast = new LinkedHashMap<>();
        Set<Integer> inProgress = new HashSet<>();
        for (Map.Entry<Integer, String> e : w.episodeOutcomes().entrySet()) {
            int s = m.title(e.getKey());
            if (s == e.getKey()) {
                continue;
            }
            if ("completed".equals(e.getValue()) || "partial".equals(e.getValue())) {
                inProgress.add(s);
            }
            String last = w.lastWatched().get(e.getKey());
            seriesLast.merge(s, last == null ? "" : last, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        Map<Integer, List<Integer>> episodesBySeries = new HashMap<>();
        for (int i = 0; i < m.size(); i++) {
            int s = m.title(i);
            if (s != i && inProgress.contains(s)) {
                episodesBySeries.computeIfAbsent(s, x -> new ArrayList<>()).add(i);
            }
        }
        List<CatchUp> out = new ArrayList<>();
        for (int s : inProgress) {
            List<Integer> eps = episodesBySeries.getOrDefault(s, new ArrayList<>());
            eps.sort(Comparator.comparingInt((Integer e) -> m.season(e) < 0 ? Integer.MAX_VALUE : m.season(e))
                    .thenComparingInt(e -> m.episode(e) < 0 ? Integer.MAX_VALUE : m.episode(e)).thenComparing(e -> m.id(e)));
            int furthest = -1;
            for (int i = 0; i < eps.size(); i++) {
                if (w.episodeOutcomes().containsKey(eps.get(i))) {
                    furthest = i;
                }
            }
            List<Integer> unwatched = new ArrayList<>();
            for (int i = 0; i < eps.size(); i++) {
                if (!"completed".equals(w.episodeOutcomes().get(eps.get(i)))) {
                    unwatched.add(i);
                }
            }
            if (unwatched.isEmpty()) {
                continue;
            }
            int from = furthest;
            List<Integer> next = new ArrayList<>();
            // First the unfinished episode we stopped in (if any), then the ones after it, then the gaps before it.
            unwatched.stream().filter(i -> i >= from).forEach(i -> next.add(eps.get(i)));
            unwatched.stream().filter(i -> i < from).forEach(i -> next.add(eps.get(i)));
            out.add(new CatchUp(s, next.subList(0, Math.min(perSeries, next.size())), unwatched.size(), seriesLast.get(s)));
        }
        out.sort(Comparator.comparing(CatchUp::lastWatchedAt, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(c -> m.name(c.seriesRow())));
        return out.subList(0, Math.min(maxSeries, out.size()));
    }
}
