package io.mediahub.backup;

import io.mediahub.store.Dialect;
import io.mediahub.store.Store;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowFailedException;
import io.mediahub.flow.FlowResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages of the {@code store-backup-database} flow (route {@code routes/backup/store-backup-database.camel.yaml}) and
 * the {@code backup} verb: {@link #prepare} refuses a MySQL/MariaDB store and makes a staging file of its own in
 * {@code $MEDIAHUB_DATA_DIR/backups/}; the route's {@code sql:} endpoint runs {@code VACUUM INTO} that file; {@link #publish}
 * links it into place as {@code mediahub-YYYYMMDD-HHMMSSZ.db} once complete (a second backup of the same second becomes
 * {@code mediahub-YYYYMMDD-HHMMSSZ-2.db}: none is ever replaced); {@link #discard} removes the staging file whatever
 * happened; {@link #retain} removes the oldest backups beyond {@code store.backup-retention}. {@code VACUUM INTO} reads one
 * consistent snapshot while flows keep writing (WAL), so the copy is never half a run.
 */
public class StoreBackup {
    private static final Logger LOG = LoggerFactory.getLogger(StoreBackup.class);
    /** {@code mediahub-YYYYMMDD-HHMMSSZ.db}, or {@code mediahub-YYYYMMDD-HHMMSSZ-N.db} for the Nth of one second. */
    private static final Pattern BACKUP_NAME = Pattern.compile("mediahub-(\\d{8}-\\d{6}Z)(?:-(\\d{1,6}))?\\.db");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final Store store;
    private final Clock clock;

    public StoreBackup(Settings settings, Store store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    /** Where one backup goes: its folder, its time stamp, and the empty staging file {@code VACUUM INTO} fills. */
    public record Target(Path dir, String stamp, Path staging) {
        /** The staging file's absolute path, the parameter of {@code VACUUM INTO}. */
        public String stagingPath() {
            return staging.toAbsolutePath().toString();
        }
    }

    /** Stage 1: the store must be SQLite; the backups folder exists; a staging file of this backup's own. */
    public Target prepare() throws IOException {
        if (store.dialect() != Dialect.SQLITE) {
            throw new FlowFailedException("the store is MySQL/MariaDB (" + store.displayUrl() + "): back it up with mysqldump or "
                    + "mariadb-backup; the backup verb copies the embedded SQLite store only", null);
        }
        Path dir = settings.dataDir().resolve("backups");
        Files.createDirectories(dir);
        String stamp = STAMP.format(clock.instant());
        // A staging file of its own (VACUUM INTO takes an empty file), so two backups at once never share one.
        Path staging = Files.createTempFile(dir, ".mediahub-" + stamp + "-", ".db.partial");
        return new Target(dir, stamp, staging);
    }

    /** Stage 3, once {@code VACUUM INTO} has filled the staging file: the backup under its final name. */
    public Path publish(Target target) throws IOException {
        return publish(target.staging(), target.dir(), target.stamp());
    }

    /** Always, after stage 2 and 3: the staging file is gone (a published backup is its own link, or was moved). */
    public void discard(Target target) throws IOException {
        Files.deleteIfExists(target.staging());
    }

    /** Stage 4: the oldest backups beyond {@code store.backup-retention} removed; the run's counts. */
    public FlowResult retain(Path backup) throws IOException {
        long size = Files.size(backup);
        int keep = Math.max(1, settings.getInt("store.backup-retention"));
        List<Path> backups;
        try (Stream<Path> s = Files.list(backup.getParent())) {
            backups = s.filter(StoreBackup::isBackup).sorted(NEWEST_FIRST).toList();
        }
        long removed = 0;
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.deleteIfExists(old);
            removed++;
        }
        LOG.info("store-backup-database: wrote {} ({} bytes); {} older backup(s) removed, {} kept", backup, size, removed,
                Math.min(keep, backups.size()));
        return new FlowResult().written(1).deleted(removed).count("backup_bytes", size);
    }

    /** The newest backup, for the CLI to print. */
    public Path newest() throws IOException {
        Path dir = settings.dataDir().resolve("backups");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(StoreBackup::isBackup).min(NEWEST_FIRST).orElse(null);
        }
    }

    /**
     * Links the finished staging file in as {@code mediahub-STAMP.db}, or as {@code mediahub-STAMP-N.db} numbered after the
     * last backup of the same second (never in a gap the retention left, so the newest is always the highest number). A
     * link never replaces a file: a name taken meanwhile moves on to the next number, and no backup is ever overwritten.
     */
    private static Path publish(Path staging, Path dir, String stamp) throws IOException {
        int n;
        try (Stream<Path> s = Files.list(dir)) {
            n = s.map(p -> BACKUP_NAME.matcher(p.getFileName().toString())).filter(m -> m.matches() && m.group(1).equals(stamp))
                    .mapToInt(StoreBackup::number).max().orElse(0) + 1;
        }
        for (int tries = 0; tries < 100; tries++, n++) {
            Path target = dir.resolve("mediahub-" + stamp + (n == 1 ? "" : "-" + n) + ".db");
            try {
                Files.createLink(target, staging);
                return target;
            } catch (FileAlreadyExistsException e) {
                // taken by a backup of this second made at the same time: the next number
            } catch (UnsupportedOperationException | IOException e) {
                // a file system without hard links: a plain move, which refuses an existing target
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    Files.move(staging, target);
                    return target;
                } catch (FileAlreadyExistsException taken) {
                    // taken between the look and the move: the next number
                }
            }
        }
        throw new IOException("no free backup name for " + stamp + " in " + dir + " after 100 tries");
    }

    private static boolean isBackup(Path p) {
        return BACKUP_NAME.matcher(p.getFileName().toString()).matches();
    }

    /** A backup's number within its second: none is 1. */
    private static int number(java.util.regex.Matcher m) {
        return m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    }

    /** The time stamp, then the number within its second. */
    private static final Comparator<Path> NEWEST_FIRST = Comparator.<Path, String>comparing(p -> {
        var m = BACKUP_NAME.matcher(p.getFileName().toString());
        return m.matches() ? m.group(1) : "";
    }).thenComparingInt(p -> {
        var m = BACKUP_NAME.matcher(p.getFileName().toString());
        return m.matches() ? number(m) : 0;
    }).reversed();
}
