package io.mediahub.common;

/**
 * A remote service failed in a way a user can act on. The message is one line that names the service, where it
 * was reached and what to check, and never contains a secret.
 */
public class ServiceException extends RuntimeException {
    private final String service;
    private final int status;
    private final boolean transientFailure;

    public ServiceException(String service, int status, boolean transientFailure, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.status = status;
        this.transientFailure = transientFailure;
    }

    public ServiceException(String service, String message) {
        this(service, 0, false, message, null);
    }

    public String service() {
        return service;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
