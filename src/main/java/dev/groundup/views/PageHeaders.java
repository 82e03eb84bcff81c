package dev.groundup.views;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers of every page we render: scripts, styles and forms only from this site (the pages
 * have no inline script or style), never framed, no referrer to other sites, and not stored by
 * caches, since a page may show a user's data.
 */
public final class PageHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private PageHeaders() {
    }

    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
    }
}
