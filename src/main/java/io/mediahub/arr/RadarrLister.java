package io.mediahub.arr;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Radarr: one {@code /api/v3/movie} call (not paged), stream-parsed; each movie's embedded {@code movieFile} carries the score. */
public class RadarrLister implements ArrLister {
    private static final Logger LOG = LoggerFactory.getLogger(RadarrLister.class);

    @Override
    public ArrExport list(ArrExport export) {
        long movies = export.client.forEach("/api/v3/movie", Map.of(), movie -> {
            export.itemsListed.incrementAndGet();
            export.mapper.movie(movie).ifPresentOrElse(export::add, export.itemsWithoutFile::incrementAndGet);
        });
        LOG.info("{}: {} movies, {} with a file", export.instance.flowId(), movies, export.files.size());
        return export;
    }
}
