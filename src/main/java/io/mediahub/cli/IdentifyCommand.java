package io.mediahub.cli;

import io.mediahub.app.MediahubApplication;
import io.mediahub.config.Settings;
import io.mediahub.emby.EmbyLibraryRefresh;
import io.mediahub.flow.FlowRunner;
import io.mediahub.intake.InboxIntake;
import io.mediahub.intake.IntakeFlows;
import io.mediahub.intake.MediaRow;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code identify PATH|MEDIA_ID [--tmdb ID]}: retry or force the TMDb match of one file (audio: its fingerprint, MusicBrainz, tags). */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = {"Identify one file again (video with TMDb, audio by its fingerprint and MusicBrainz), or force its TMDb match, "
                + "and rename it in the library to suit.",
                "PATH is a file in the library, in the inbox's .failed/ folder (it is filed when it succeeds) or anywhere else "
                        + "(it is filed like a drop); MEDIA_ID is the media table's id of a file in the library."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file is identified and filed", "1:it could not be identified or filed, or intake-scan-inbox is running (one line says why; nothing was moved)",
                "2:wrong usage or configuration"})
public class IdentifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH|MEDIA_ID", description = "A file, or a media id.")
    String target;

    @Option(names = "--tmdb", paramLabel = "ID", description = "Force this TMDb id (a movie id; for an episode, the show's id).")
    Long tmdbId;

    @Override
    public Integer call() throws Exception {
        Settings settings = MediahubCommand.settingsSource.get();
        try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT)) {
            app.start();
            InboxIntake intake = app.bean("intakeScanInbox", InboxIntake.class);
            try {
                // identify moves library files and media rows: never at the same time as an inbox run (here or in the container).
                MediaRow r = app.runner().exclusively(IntakeFlows.SCAN_INBOX.id(), () -> intake.identify(target, tmdbId));
                String what = r.tmdbId != null ? "TMDb " + r.tmdbId : "music".equals(r.kind) ? "by " + r.method : "no TMDb match";
                System.out.println("media " + r.mediaId + ": " + r.status + " (" + what + ") -> " + r.path
                        + (r.errorText != null && !"identified".equals(r.status) ? " — " + r.errorText : ""));
                EmbyLibraryRefresh refresh = app.bean("embyLibraryRefresh", EmbyLibraryRefresh.class);
                if (refresh.enabled() && r.path != null) {
                    try {
                        System.out.println(refresh.notifyServer(List.of(r.path)));
                    } catch (RuntimeException e) {
                        System.err.println("identify: the file is filed, but telling the media server failed: " + e.getMessage());
                    }
                }
                return "identified".equals(r.status) ? 0 : 1;
            } catch (InboxIntake.IdentifyException | FlowRunner.FlowBusyException e) {
                System.err.println("identify: " + e.getMessage());
                return 1;
            }
        }
    }
}
