package dev.gatehouse.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files that only their owner may read: the data directory (0700), the database's files
 * and the key file (0600). Made so when created, whatever the umask, and tightened when found looser, so
 * that a data directory an earlier Gatehouse (or an operator) made world-readable becomes private on start.
 *
 * <p>On a file system without POSIX permissions (Windows) there is nothing to set, and nothing is.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents, which get the same mode) if needed, and makes it 0700. */
    public static void directory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            Path parent = absolute.getParent();
            if (parent != null && !Files.exists(parent)) {
                directory(parent);
            }
            try {
                Files.createDirectory(absolute, attribute(DIRECTORY));
            } catch (FileAlreadyExistsException e) {
                // Made meanwhile by another process: made private below like any existing one.
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(absolute);
            }
        }
        restrict(absolute, DIRECTORY);
    }

    /**
     * Creates an empty {@code file} 0600 if it does not exist, or makes the existing one 0600.
     *
     * @return true when this call created it
     */
    public static boolean file(Path file) throws IOException {
        boolean created;
        try {
            Files.createFile(file, attribute(FILE));
            created = true;
        } catch (FileAlreadyExistsException e) {
            created = false;
        } catch (UnsupportedOperationException e) {
            created = !Files.exists(file);
            if (created) {
                Files.createFile(file);
            }
        }
        restrict(file, FILE);
        return created;
    }

    /** Makes {@code file} 0600 if it exists. */
    public static void tighten(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file, FILE);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
        return PosixFilePermissions.asFileAttribute(mode);
    }

    private static void restrict(Path p, Set<PosixFilePermission> mode) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(p).equals(mode)) {
                Files.setPosixFilePermissions(p, mode);
            }
        } catch (UnsupportedOperationException e) {
            // No POSIX permissions here (see the class comment).
        }
    }
}
