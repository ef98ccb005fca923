package io.mediahub.emby;

/** A user of the server, as {@code users} stores it. */
public record EmbyUser(String id, String name, boolean hidden, boolean disabled, boolean administrator) {
}
