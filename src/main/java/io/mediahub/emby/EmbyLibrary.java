package io.mediahub.emby;

/** A library (media folder) of the server, as {@code libraries} stores it. */
public record EmbyLibrary(String id, String name, String collectionType) {
}
