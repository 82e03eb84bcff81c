package dev.groundup.techempower;

import dev.groundup.http.Html;
import gg.jte.html.HtmlContent;
import gg.jte.html.HtmlTemplateOutput;

/**
 * A row of the Fortune table. Public for the precompiled template, which writes
 * {@link #text()}: the message escaped as the test type's page has it, {@code '} as
 * {@code &#39;} and {@code "} as {@code &quot;} too (jte's own escaping of element content
 * leaves both quotes as they are, which is safe there but not the page the test expects).
 */
public record Fortune(int id, String message) {

    /** The message as HTML text, every one of {@code & < > " '} escaped. */
    public HtmlContent text() {
        return new Text(message);
    }

    private record Text(String message) implements HtmlContent {
        /** The runs between two escaped characters go to the page as they are, with no copy of the message. */
        @Override
        public void writeTo(HtmlTemplateOutput output) {
            int plain = 0;
            for (int i = 0; i < message.length(); i++) {
                String entity = Html.entity(message.charAt(i));
                if (entity != null) {
                    output.writeContent(message, plain, i);
                    output.writeContent(entity);
                    plain = i + 1;
                }
            }
            output.writeContent(message, plain, message.length());
        }
    }
}
