package org.synovia.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Online backups of the embedded PostgreSQL, taken the way {@code pg_basebackup} takes them but with the server's
 * own SQL functions, because the embedded binaries carry no client programs (ADR 0028): {@code pg_backup_start},
 * a copy of the data directory, {@code pg_backup_stop}, whose label is written into the copy, then the WAL written
 * meanwhile, kept from recycling by a temporary replication slot. The result is a data directory that PostgreSQL
 * starts from as it is, replaying that WAL to a consistent state: restoring is copying it back
 * ({@code ops/restore-embedded-backup.sh}). Each backup is written under a temporary name and renamed when
 * complete, so a crash mid-backup never leaves something that looks like a backup.
 */
class EmbeddedBackups {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackups.class);
    static final String PREFIX = "synovia-";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Rebuilt by the server at start, or meaningless in a copy (PostgreSQL's documentation of base backups). */
    private static final Set<String> CONTENTS_LEFT_OUT = Set.of("pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots",
            "pg_stat_tmp", "pg_subtrans", "pg_replslot", "pg_wal");
    private static final Set<String> FILES_LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "pg_internal.init");

    private final SupervisedPostgres server;
    private final BackupProperties properties;
    private final Clock clock;

    EmbeddedBackups(SupervisedPostgres server, BackupProperties properties, Clock clock) {
        this.server = server;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${synovia.database.backup.cron:0 30 1 * * *}", zone = "${synovia.time-zone:Europe/London}")
    void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try {
            take();
        } catch (RuntimeException e) {
            log.error("BACKUP FAILED: the embedded database was not backed up into {}", properties.directory(), e);
        }
    }

    /** Takes one backup, then deletes all but the newest {@code keep}; returns the new backup's folder. */
    synchronized Path take() {
        long started = System.nanoTime();
        Path directory = properties.directory().toAbsolutePath().normalize();
        String name = PREFIX + NAME.format(clock.instant());
        Path target = directory.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = directory.resolve(name + "-" + n);
        }
        Path partial = directory.resolve(".partial-" + target.getFileName());
        try {
            Files.createDirectories(directory);
            deleteTree(partial);
            copyOnline(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Backup into " + target + " failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Backup into " + target + " failed: " + e.getMessage(), e);
        }
        log.info("Backup of the embedded database written to {} in {} ms", target,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        prune(directory);
        return target;
    }

    private void copyOnline(Path target) throws IOException, SQLException {
        Path data = server.dataDirectory();
        // The superuser: backup functions and replication slots are not the application's to use.
        try (Connection connection = server.connect(EmbeddedCredentials.SUPERUSER);
                Statement statement = connection.createStatement()) {
            // Held by this session only: WAL written from here on stays until the copy has it.
            statement.execute("select pg_create_physical_replication_slot('synovia_backup_' || pg_backend_pid(), true, true)");
            statement.execute("select pg_backup_start('" + target.getFileName() + "', true)");
            copyTree(data, target, false);
            String label;
            String tablespaces;
            try (ResultSet stop = statement.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString("labelfile");
                tablespaces = stop.getString("spcmapfile");
            }
            Files.writeString(target.resolve("backup_label"), label);
            if (tablespaces != null && !tablespaces.isEmpty()) {
                Files.writeString(target.resolve("tablespace_map"), tablespaces);
            }
            // After the stop, so the segment holding its record is complete and included.
            copyTree(data.resolve("pg_wal"), target.resolve("pg_wal"), true);
        }
        // PostgreSQL refuses a data directory that others can read.
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(target.resolve("BACKUP.txt"), """
                Online backup of Synovia's embedded PostgreSQL (a data directory with its backup_label and WAL).
                Restore with the application stopped: ops/restore-embedded-backup.sh <this folder> [data directory]
                """);
    }

    private static void copyTree(Path source, Path target, boolean wal) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path relative = source.relativize(dir);
                Files.createDirectories(target.resolve(relative.toString()));
                if (!wal && relative.getNameCount() == 1 && CONTENTS_LEFT_OUT.contains(relative.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!wal && FILES_LEFT_OUT.contains(file.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException e) {
                    // Dropped while copying (a table or temporary file): the WAL replay accounts for it.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** The finished backups in the folder, newest first. */
    static List<Path> backups(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    private void prune(Path directory) {
        try {
            List<Path> all = backups(directory);
            for (Path old : all.subList(Math.min(properties.keep(), all.size()), all.size())) {
                deleteTree(old);
                log.info("Old backup {} deleted (keeping the newest {})", old, properties.keep());
            }
        } catch (IOException e) {
            log.warn("Old backups in {} could not be deleted: {}", directory, e.getMessage());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
