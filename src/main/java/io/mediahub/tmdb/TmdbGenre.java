package io.mediahub.tmdb;

/** One entry of TMDb's {@code /genre/movie/list} or {@code /genre/tv/list}. */
public record TmdbGenre(long id, String name) {
}
