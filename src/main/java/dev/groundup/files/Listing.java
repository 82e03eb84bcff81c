package dev.groundup.files;

import java.util.List;

/**
 * What {@code files/listing.jte} shows for a folder without index.html under {@code --list-dirs}.
 *
 * @param path the folder's path in the site, e.g. {@code /docs/}
 * @param parent a link to the folder above, or null at the top
 */
public record Listing(String path, String parent, List<Entry> entries) {
    /**
     * @param href the entry's name percent-encoded, with a trailing slash for a folder
     * @param size in bytes, or -1 for a folder
     * @param modified {@code 2026-12-01 20:40} UTC, or empty when not known
     */
    public record Entry(String name, String href, boolean folder, long size, String modified) {
    }
}
