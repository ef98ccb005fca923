package io.mediahub.common;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * How a user runs Mediahub's verbs on this installation, for every message that tells them a command to type
 * ({@code .error.txt}'s "run: … identify PATH"): one place, so the text is the command that works here.
 *
 * <ul>
 *   <li>A launcher script that sets the system property {@value #LAUNCHER_PROPERTY} (for example
 *       {@code exec java -Dmediahub.launcher="$0" -jar …}) is named as it is;</li>
 *   <li>else, running from a jar: {@code java -jar <the jar>}, relative to the working folder when it is inside it
 *       ({@code java -jar target/mediahub.jar}, also in the image), else its absolute path;</li>
 *   <li>else (classes on the class path: tests, an IDE): {@code java -jar target/mediahub.jar}, what README says.</li>
 * </ul>
 */
public final class LaunchCommand {
    /** The system property a launcher script sets to its own name. */
    public static final String LAUNCHER_PROPERTY = "mediahub.launcher";
    static final String DEFAULT = "java -jar target/mediahub.jar";

    private LaunchCommand() {
    }

    /** The command that starts Mediahub here, without a verb. */
    public static String current() {
        return of(System.getProperty(LAUNCHER_PROPERTY), runningJar(), Path.of("").toAbsolutePath());
    }

    /** {@code current()} followed by a verb and its arguments: {@code java -jar target/mediahub.jar identify PATH}. */
    public static String verb(String verbAndArguments) {
        return current() + " " + verbAndArguments;
    }

    static String of(String launcher, Path jar, Path workingDir) {
        if (launcher != null && !launcher.isBlank()) {
            return quoted(launcher.strip());
        }
        if (jar == null) {
            return DEFAULT;
        }
        Path shown = jar.startsWith(workingDir) ? workingDir.relativize(jar) : jar;
        return "java -jar " + quoted(shown.toString());
    }

    /** The jar this class was loaded from, or null when it came from a folder of classes. */
    private static Path runningJar() {
        try {
            CodeSource cs = LaunchCommand.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return null;
            }
            Path p = Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** A path with spaces or shell characters in single quotes, so that it can be pasted into a shell as one word. */
    static String quoted(String s) {
        return s.matches("[\\w./@%+=:,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
