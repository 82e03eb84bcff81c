package dev.groundup.errors;

/**
 * What {@code errors/error.jte} shows: the status and its title, one sentence, and a link home.
 *
 * @param base the context path, so that every link works wherever the application is deployed
 */
public record ErrorPageModel(String base, int status, String title, String detail) {
    public String heading() {
        return status + " " + title;
    }
}
