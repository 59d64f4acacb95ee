package org.synovia.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Files that hold secrets (database passwords, the audit checkpoint key): readable and writable by the user the
 * application runs as and nobody else (0600), created complete or not at all.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Writes the text through a 0600 temporary file renamed into place, so no reader sees half a secret. */
    public static void write(Path file, String text) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "." + file.getFileName(), ".partial",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(partial, text);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * The file's text; when there is no file, the supplied text is written first. A file that others could read
     * (copied by hand, restored by another program) is narrowed to 0600 again.
     */
    public static String readOrCreate(Path file, Supplier<String> initial) {
        try {
            if (!Files.exists(file)) {
                write(file, initial.get());
            }
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
