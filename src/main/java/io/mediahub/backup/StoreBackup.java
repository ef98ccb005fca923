package io.mediahub.backup;

import io.mediahub.store.Dialect;
import io.mediahub.store.Store;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowFailedException;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code store-backup-database} flow and the {@code backup} verb: {@code VACUUM INTO} a staging file in
 * {@code $MEDIAHUB_DATA_DIR/backups/}, moved into place as {@code mediahub-YYYYMMDD-HHMMSSZ.db} once complete, then
 * the oldest backups beyond {@code store.backup-retention} removed. {@code VACUUM INTO} reads one consistent snapshot
 * while flows keep writing (WAL), so the copy is never half a run.
 */
public class StoreBackup {
    private static final Logger LOG = LoggerFactory.getLogger(StoreBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final Store store;
    private final Clock clock;

    public StoreBackup(Settings settings, Store store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    public FlowResult run(FlowRequest request) throws SQLException, IOException {
        if (store.dialect() != Dialect.SQLITE) {
            throw new FlowFailedException("the store is MySQL/MariaDB (" + store.displayUrl() + "): back it up with mysqldump or "
                    + "mariadb-backup; the backup verb copies the embedded SQLite store only", null);
        }
        Path dir = settings.dataDir().resolve("backups");
        Files.createDirectories(dir);
        String name = "mediahub-" + STAMP.format(clock.instant()) + ".db";
        Path target = dir.resolve(name);
        Path staging = dir.resolve("." + name + ".partial");
        Files.deleteIfExists(staging);
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, staging.toAbsolutePath().toString());
            ps.execute();
        } catch (SQLException e) {
            Files.deleteIfExists(staging);
            throw e;
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        long size = Files.size(target);
        int keep = Math.max(1, settings.getInt("store.backup-retention"));
        List<Path> backups;
        try (Stream<Path> s = Files.list(dir)) {
            backups = s.filter(p -> p.getFileName().toString().matches("mediahub-\\d{8}-\\d{6}Z\\.db"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        long removed = 0;
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.deleteIfExists(old);
            removed++;
        }
        LOG.info("store-backup-database: wrote {} ({} bytes); {} older backup(s) removed, {} kept", target, size, removed,
                Math.min(keep, backups.size()));
        return new FlowResult().written(1).deleted(removed).count("backup_bytes", size);
    }

    /** The newest backup, for the CLI to print. */
    public Path newest() throws IOException {
        Path dir = settings.dataDir().resolve("backups");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("mediahub-\\d{8}-\\d{6}Z\\.db"))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
        }
    }
}
