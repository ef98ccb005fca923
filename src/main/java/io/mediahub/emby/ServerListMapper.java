package io.mediahub.emby;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's user and library lists as Mediahub stores them. Pure: no I/O, no Camel. */
public final class ServerListMapper {

    /**
     * Every user, hidden ones included: {@code listed} is Jellyfin's {@code /Users} or Emby's {@code /Users/Query};
     * {@code hidden} is Emby's {@code /Users/Query?IsHidden=true} (null on Jellyfin, which marks them in
     * {@code Policy.IsHidden}), whose users are hidden whatever their policy says.
     */
    public List<EmbyUser> users(JsonNode listed, JsonNode hidden) {
        Map<String, EmbyUser> users = new LinkedHashMap<>();
        for (JsonNode u : arrayOrItems(listed)) {
            addUser(users, u, false);
        }
        for (JsonNode u : arrayOrItems(hidden)) {
            addUser(users, u, true);
        }
        return new ArrayList<>(users.values());
    }

    private static void addUser(Map<String, EmbyUser> users, JsonNode u, boolean listedAsHidden) {
        String id = LibraryItemMapper.text(u, "Id");
        if (id == null) {
            return;
        }
        JsonNode policy = u.path("Policy");
        boolean hidden = listedAsHidden || policy.path("IsHidden").asBoolean(false);
        String name = LibraryItemMapper.text(u, "Name");
        EmbyUser user = new EmbyUser(id, name == null ? id : name, hidden, policy.path("IsDisabled").asBoolean(false),
                policy.path("IsAdministrator").asBoolean(false));
        users.merge(id, user, (a, b) -> a.hidden() ? a : b);
    }

    /** The libraries ({@code /Library/MediaFolders}, which both products serve). */
    public List<EmbyLibrary> libraries(JsonNode folders) {
        List<EmbyLibrary> out = new ArrayList<>();
        for (JsonNode f : arrayOrItems(folders)) {
            String id = LibraryItemMapper.text(f, "Id");
            if (id != null) {
                String name = LibraryItemMapper.text(f, "Name");
                out.add(new EmbyLibrary(id, name == null ? id : name, LibraryItemMapper.text(f, "CollectionType")));
            }
        }
        return out;
    }

    /** A series' genre names from an {@code /Items?Ids=} answer, for episodes that have none of their own. */
    public static List<String> seriesGenres(JsonNode page) {
        for (JsonNode item : arrayOrItems(page)) {
            return LibraryItemMapper.genres(item);
        }
        return List.of();
    }

    static Iterable<JsonNode> arrayOrItems(JsonNode n) {
        if (n == null) {
            return List.of();
        }
        if (n.isArray()) {
            return n;
        }
        JsonNode items = n.get("Items");
        return items != null && items.isArray() ? items : List.of();
    }
}
