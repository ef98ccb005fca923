package io.mediahub.intake.parse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a file name says, in guessit's vocabulary: property names and values as guessit spells them
 * ({@code title, year, type, season, episode, episode_title, date, screen_size, source, other, video_codec,
 * audio_codec, audio_channels, release_group, container, edition, language, subtitle_language, streaming_service,
 * website, part, cd}, …). A property with several values holds a {@code List}. Built by {@link FilenameParser}.
 */
public final class ParsedName {
    private final Map<String, Object> properties;

    public ParsedName(Map<String, Object> properties) {
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Every property, in guessit's names, in the order found. */
    public Map<String, Object> properties() {
        return properties;
    }

    public Object get(String property) {
        return properties.get(property);
    }

    public String text(String property) {
        Object v = properties.get(property);
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : String.valueOf(l.get(0));
        }
        return v == null ? null : String.valueOf(v);
    }

    public Integer integer(String property) {
        Object v = properties.get(property);
        if (v instanceof List<?> l) {
            v = l.isEmpty() ? null : l.get(0);
        }
        return v instanceof Number n ? n.intValue() : null;
    }

    /** Every value of a property as a list (one value becomes a list of one). */
    public List<Object> values(String property) {
        Object v = properties.get(property);
        if (v == null) {
            return List.of();
        }
        return v instanceof List<?> l ? List.copyOf(l) : List.of(v);
    }

    public String title() {
        return text("title");
    }

    public Integer year() {
        return integer("year");
    }

    /** {@code movie} or {@code episode}. */
    public String type() {
        return text("type");
    }

    public Integer season() {
        return integer("season");
    }

    /** Episode numbers (several for a multi-episode file). */
    public List<Integer> episodes() {
        return values("episode").stream().filter(Number.class::isInstance).map(o -> ((Number) o).intValue()).toList();
    }

    public String episodeTitle() {
        return text("episode_title");
    }

    @Override
    public String toString() {
        return properties.toString();
    }
}
