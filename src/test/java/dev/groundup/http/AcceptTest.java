package dev.groundup.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void admitsWhatAnyRangeWithPositiveQualityCovers() {
        assertThat(Accept.admits(null, "application/json")).isTrue();
        assertThat(Accept.admits("", "application/json")).isTrue();
        assertThat(Accept.admits("*/*", "application/json")).isTrue();
        assertThat(Accept.admits("application/*", "application/json")).isTrue();
        assertThat(Accept.admits("Application/JSON; charset=utf-8", "application/json")).isTrue();
        assertThat(Accept.admits(BROWSER, "application/json")).isTrue();
        assertThat(Accept.admits("text/html", "application/json")).isFalse();
        assertThat(Accept.admits("application/json;q=0, */*", "application/json")).isFalse(); // most specific wins
        assertThat(Accept.admits("application/problem+json", "application/json")).isFalse();
        assertThat(Accept.admits("application/json;q=oops", "application/json")).isFalse();
    }

    @Test
    void browsersPreferHtmlAndApiClientsJson() {
        assertThat(Accept.prefersJson(BROWSER)).isFalse();
        assertThat(Accept.prefersJson("*/*")).isFalse();
        assertThat(Accept.prefersJson(null)).isFalse();
        assertThat(Accept.prefersJson("application/json")).isTrue();
        assertThat(Accept.prefersJson("application/problem+json, text/html;q=0.5")).isTrue();
        assertThat(Accept.prefersJson("text/html, application/json;q=0.9")).isFalse();
    }
}
