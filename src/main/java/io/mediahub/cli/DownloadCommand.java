package io.mediahub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.app.MediahubApplication;
import io.mediahub.config.Settings;
import io.mediahub.intake.download.DownloadQueue;
import io.mediahub.intake.download.DownloadRoutes;
import io.mediahub.intake.download.PlaylistEntries;
import io.mediahub.intake.download.UrlList;
import io.mediahub.jobs.JobRepository;
import io.mediahub.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code download URL… [--audio-only] [--playlist]}: queues download jobs for the container's workers. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Queue one download job per URL (yt-dlp); the container's workers download them and file them into the library "
                + "as videos/<Uploader>/<YYYY-MM-DD> - <Title> [<id>].<ext> (audio/… with --audio-only). jobs shows their progress.",
                "--playlist: each URL is a playlist, listed now with yt-dlp --flat-playlist; one job per entry."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every job is queued", "1:a URL was refused or a playlist could not be listed (the others are queued)",
                "2:wrong usage or configuration"})
public class DownloadCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "URL", description = "URLs to download (http or https).")
    List<String> urls;

    @Option(names = "--audio-only", description = "Keep the audio only (best audio, extracted), filed under audio/.")
    boolean audioOnly;

    @Option(names = "--playlist", description = "Queue every entry of each playlist URL.")
    boolean playlist;

    @Override
    public Integer call() throws Exception {
        Settings settings = MediahubCommand.settingsSource.get();
        int status = 0;
        if (playlist) {
            try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT)) {
                app.start();
                DownloadQueue queue = app.bean("downloadQueue", DownloadQueue.class);
                for (String url : urls) {
                    List<PlaylistEntries.Entry> entries;
                    try {
                        entries = listEntries(app, url);
                    } catch (RuntimeException e) {
                        System.err.println("download: " + (e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage()));
                        status = 1;
                        continue;
                    }
                    System.out.println(url + ": " + entries.size() + (entries.size() == 1 ? " entry" : " entries"));
                    for (PlaylistEntries.Entry e : entries) {
                        long id = queue.queue(e.url(), audioOnly, e.playlistItem(), e.title());
                        System.out.println("queued download job " + id + ": " + (e.title() != null ? e.title() : e.url())
                                + (e.playlistItem() != null ? " (item " + e.playlistItem() + ")" : ""));
                    }
                }
            }
            return status;
        }
        try (Store store = Store.open(settings)) {
            DownloadQueue queue = new DownloadQueue(new JobRepository(store, Clock.systemUTC()), new ObjectMapper());
            for (String url : urls) {
                String problem = UrlList.problem(url);
                if (problem != null) {
                    System.err.println("download: " + problem + "; not queued");
                    status = 1;
                    continue;
                }
                System.out.println("queued download job " + queue.queue(url, audioOnly, null, null) + ": " + url);
            }
        }
        return status;
    }

    @SuppressWarnings("unchecked")
    private static List<PlaylistEntries.Entry> listEntries(MediahubApplication app, String url) {
        return new ArrayList<>((List<PlaylistEntries.Entry>) app.camelContext().createProducerTemplate()
                .requestBody(DownloadRoutes.LIST_PLAYLIST, url, List.class));
    }
}
