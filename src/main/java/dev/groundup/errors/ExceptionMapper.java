package dev.groundup.errors;

/**
 * What a kind of failure means to the client. The router asks each mapper in turn about an
 * exception a handler threw; the first problem given is the answer, and an exception no mapper
 * knows is a bug: a logged 500.
 */
@FunctionalInterface
public interface ExceptionMapper {
    /** The problem {@code failure} means for the client, or null when this mapper does not know it. */
    Problem problemFor(Exception failure);
}
