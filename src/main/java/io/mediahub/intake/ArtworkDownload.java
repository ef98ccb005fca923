package io.mediahub.intake;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.camel.Exchange;

/**
 * The steps of the artwork routes ({@code intake-fetch-artwork}, {@code intake-fetch-cover}) after a camel-http call
 * made with {@code disableStreamCache} (the body is the answer's own stream, never held whole) and
 * {@code throwExceptionOnFailure=false} (the status is read here, for the messages the intake has always given):
 * <ul>
 * <li>{@link #redirect}: a 3xx answer's {@code Location}, resolved against the URI just asked, becomes the next hop
 * (variable {@value #NEXT}) when {@link CoverArtRedirects} allows it, at most {@value #MAX_REDIRECTS} hops; anything
 * else ends the loop;</li>
 * <li>{@link #save}: a 200 answer streamed to a staging file beside the target, then moved into place, unless the
 * target appeared meanwhile (an image is never overwritten).</li>
 * </ul>
 * Bound as {@code intakeArtwork}. Variables: {@value #TARGET} (the file), {@value #SERVICE} and {@value #WHAT} (for the
 * messages), {@value #URI} (the URI asked last).
 */
public final class ArtworkDownload {
    static final String TARGET = "artworkTarget";
    static final String SERVICE = "artworkService";
    static final String WHAT = "artworkWhat";
    static final String URI = "artworkUri";
    static final String NEXT = "artworkNext";
    static final String HOPS = "artworkHops";
    /** The Cover Art Archive answers with one redirect (to archive.org), which answers with one more (to its storage host). */
    static final int MAX_REDIRECTS = 5;

    private final CoverArtRedirects redirects;

    public ArtworkDownload(CoverArtRedirects redirects) {
        this.redirects = redirects;
    }

    /** After a call: sets {@value #NEXT} to the redirect to follow, or null when the answer is not a redirect. */
    public void redirect(Exchange x) throws IOException {
        x.setVariable(NEXT, null);
        int status = status(x);
        if (status < 300 || status > 399 || status == 304) {
            return;
        }
        close(x);
        String service = x.getVariable(SERVICE, String.class);
        String what = x.getVariable(WHAT, String.class);
        String location = x.getMessage().getHeader("Location", String.class);
        if (location == null || location.isBlank()) {
            throw new IOException(service + " answered " + status + " for " + what + " without a Location to follow");
        }
        int hops = x.getVariable(HOPS, 0, Integer.class) + 1;
        if (hops > MAX_REDIRECTS) {
            throw new IOException(service + " redirected " + what + " more than " + MAX_REDIRECTS + " times; not followed further");
        }
        URI next;
        try {
            next = java.net.URI.create(x.getVariable(URI, String.class)).resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(service + " redirected " + what + " to an address that is not a URI; not followed");
        }
        String refused = redirects.refusal(next);
        if (refused != null) {
            throw new IOException(service + " redirected " + what + " to " + InboxIntake.printable(next.toString()) + ", " + refused
                    + "; not followed");
        }
        x.setVariable(HOPS, hops);
        x.setVariable(URI, next.toString());
        x.setVariable(NEXT, next.toString());
    }

    /** The last answer into the target: 200 only; streamed, staged, moved into place. */
    public void save(Exchange x) throws IOException {
        Path target = x.getVariable(TARGET, Path.class);
        int status = status(x);
        if (status != 200) {
            close(x);
            throw new IOException(x.getVariable(SERVICE, String.class) + " answered " + status + " for " + x.getVariable(WHAT, String.class));
        }
        Path staging = target.resolveSibling("." + target.getFileName() + FileMover.STAGING_SUFFIX);
        try (InputStream in = x.getMessage().getBody(InputStream.class)) {
            if (in == null) {
                throw new IOException(x.getVariable(SERVICE, String.class) + " answered an empty body for " + x.getVariable(WHAT, String.class));
            }
            Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
            if (!Files.exists(target)) {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(staging);
        }
        x.getMessage().setBody(null);
    }

    private static int status(Exchange x) {
        return x.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    }

    /** The answer's stream goes back to the pool once closed. */
    private static void close(Exchange x) throws IOException {
        Object body = x.getMessage().getBody();
        if (body instanceof InputStream in) {
            in.close();
        }
        x.getMessage().setBody(null);
    }
}
