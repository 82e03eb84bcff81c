package dev.groundup;

/**
 * A reason the application cannot start that the operator can act on (a database that does not
 * answer, a folder that is missing). The launcher prints its message as one line and exits.
 */
public final class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupException(String message) {
        super(message);
    }
}
