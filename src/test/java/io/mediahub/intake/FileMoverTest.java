package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMoverTest {
    @TempDir
    Path dir;

    private Path source(int bytes) throws IOException {
        byte[] b = new byte[bytes];
        new Random(42).nextBytes(b);
        Path src = dir.resolve("in/source.mkv");
        Files.createDirectories(src.getParent());
        Files.write(src, b);
        return src;
    }

    @Test
    void linksOnOneFileSystemAndNeverOverwrites() throws Exception {
        Path src = source(10_000);
        String hash = FileMover.sha256(src);
        Path target = dir.resolve("lib/a/b.mkv");
        assertThat(new FileMover().move(src, target, hash)).isEqualTo(FileMover.How.LINKED);
        assertThat(src).doesNotExist();
        assertThat(FileMover.sha256(target)).isEqualTo(hash);

        Path other = source(5);
        assertThatThrownBy(() -> new FileMover().move(other, target, FileMover.sha256(other))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(other).exists();
        assertThat(FileMover.sha256(target)).isEqualTo(hash);
    }

    @Test
    void copiesVerifiesThenDeletesAcrossFileSystems() throws Exception {
        Path src = source(3 * 1024 * 1024 + 17);
        String hash = FileMover.sha256(src);
        Path target = dir.resolve("lib/c.mkv");
        FileMover copying = new FileMover() {
            @Override
            protected boolean linkAllowed() {
                return false;
            }
        };
        assertThat(copying.move(src, target, hash)).isEqualTo(FileMover.How.COPIED);
        assertThat(src).doesNotExist();
        assertThat(FileMover.sha256(target)).isEqualTo(hash);
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("c.mkv");
        }
    }

    @Test
    void aFailureMidCopyLeavesTheSourceAndNoPartialFile() throws Exception {
        Path src = source(3 * 1024 * 1024);
        String hash = FileMover.sha256(src);
        Path target = dir.resolve("lib/d.mkv");
        assertThatThrownBy(() -> failingMover(1024 * 1024).move(src, target, hash)).hasMessageContaining("disk full");
        assertThat(FileMover.sha256(src)).isEqualTo(hash);
        assertThat(target).doesNotExist();
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aCopyThatDoesNotMatchTheExpectedHashIsRefused() throws Exception {
        Path src = source(1000);
        Path target = dir.resolve("lib/e.mkv");
        FileMover copying = new FileMover() {
            @Override
            protected boolean linkAllowed() {
                return false;
            }
        };
        assertThatThrownBy(() -> copying.move(src, target, "0".repeat(64))).hasMessageContaining("SHA-256 differs");
        assertThat(src).exists();
        assertThat(target).doesNotExist();
    }

    /** A mover whose copy path fails after {@code after} bytes, as a full disk or a pulled cable does. */
    static FileMover failingMover(long after) {
        return new FileMover() {
            @Override
            protected boolean linkAllowed() {
                return false;
            }

            @Override
            protected OutputStream wrap(OutputStream out) {
                return new FilterOutputStream(out) {
                    long written;

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (written + len > after) {
                            throw new IOException("No space left on device (disk full)");
                        }
                        written += len;
                        out.write(b, off, len);
                    }
                };
            }
        };
    }

    @Test
    void aSymbolicLinkIsNeverMovedNorReadThrough() throws Exception {
        Path real = source(1000);
        String hash = FileMover.sha256(real);
        Path link = dir.resolve("in/link.mkv");
        Files.createSymbolicLink(link, real);
        FileMover copying = new FileMover() {
            @Override
            protected boolean linkAllowed() {
                return false;
            }
        };
        for (FileMover mover : new FileMover[] {new FileMover(), copying}) {
            Path target = dir.resolve("lib/linked.mkv");
            assertThatThrownBy(() -> mover.move(link, target, hash)).isInstanceOf(IOException.class).hasMessageContaining("not a regular file");
            assertThat(Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        }
        assertThatThrownBy(() -> FileMover.sha256(link)).isInstanceOf(IOException.class);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(FileMover.sha256(real)).isEqualTo(hash);
        assertThat(Files.getAttribute(real, "unix:nlink")).isEqualTo(1);
    }
}
