package io.mediahub.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Moves files without ever overwriting one and without ever losing one.
 *
 * <ul>
 *   <li>On one file system: a hard link at the target (which fails if the target exists, atomically), then the
 *       source removed. A crash in between leaves both names, the same content: the next run finishes the move.</li>
 *   <li>Across file systems (or where links are not supported): a streamed copy to a hidden staging file beside the
 *       target, flushed to disk, its size and SHA-256 checked against the source's, then linked into place, and only
 *       then the source removed. A failure at any point removes the staging file and leaves the source as it was.</li>
 * </ul>
 * Hashing and copying stream through a fixed buffer: a file is never held in memory. Only a regular file is moved, and
 * no file is opened through a symbolic link.
 */
public class FileMover {
    static final String STAGING_SUFFIX = ".mediahub-partial";
    private static final int BUFFER = 1 << 20;

    /** How a move was done. */
    public enum How { LINKED, COPIED }

    /** SHA-256 of a file's content, hex, streamed. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) >= 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves {@code source} to {@code target}, which must not exist.
     *
     * @param expectedHash the source's SHA-256 (checked against the copy when a copy is needed)
     * @throws FileAlreadyExistsException when the target exists (nothing was changed)
     */
    public How move(Path source, Path target, String expectedHash) throws IOException {
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            // A link would be linked into the library as a link: what it points to would be published.
            throw new IOException(source + " is not a regular file (a symbolic link is never followed)");
        }
        Files.createDirectories(target.getParent());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        if (linkAllowed()) {
            try {
                Files.createLink(target, source);
                Files.delete(source);
                return How.LINKED;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                // another file system, or one without hard links: copy instead
            }
        }
        copyVerifyDelete(source, target, expectedHash);
        return How.COPIED;
    }

    private void copyVerifyDelete(Path source, Path target, String expectedHash) throws IOException {
        Path staging = target.resolveSibling("." + target.getFileName() + STAGING_SUFFIX);
        Files.deleteIfExists(staging);
        long size = Files.size(source);
        try {
            MessageDigest md = digest();
            long copied = 0;
            try (InputStream in = new DigestInputStream(Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS), md);
                 FileChannel ch = FileChannel.open(staging, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = wrap(java.nio.channels.Channels.newOutputStream(ch))) {
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    copied += n;
                }
                out.flush();
                ch.force(true);
            }
            String hash = HexFormat.of().formatHex(md.digest());
            long written = Files.size(staging);
            if (copied != size || written != size) {
                throw new IOException("the copy has " + written + " bytes, the source " + size);
            }
            if (expectedHash != null && !expectedHash.equals(hash)) {
                throw new IOException("the copy's SHA-256 differs from the source's (the source changed or the disk is failing)");
            }
            if (!hash.equals(sha256(staging))) {
                throw new IOException("the copy on disk does not read back as the source (SHA-256 differs)");
            }
            try {
                Files.createLink(target, staging);
                Files.delete(staging);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                // a file system without hard links: a rename in the same folder, after one more look
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staging);
            throw e;
        }
        Files.delete(source);
    }

    /** Tests turn links off to exercise the copy path as a move across file systems does. */
    protected boolean linkAllowed() {
        return true;
    }

    /** Tests wrap the copy's output to make it fail part-way. */
    protected OutputStream wrap(OutputStream out) {
        return out;
    }
}
