package dev.groundup.routing;

/** What a route does: reads what it needs from the exchange and answers through it. */
@FunctionalInterface
public interface Handler {
    void handle(Exchange exchange) throws Exception;
}
