package dev.groundup.http;

import java.util.Locale;

/** The media types we answer with, and the two things we read out of a media type or a list element. */
public final class MediaType {
    public static final String HTML = "text/html;charset=utf-8";
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String TEXT = "text/plain";
    public static final String FORM = "application/x-www-form-urlencoded";
    /** What a file of a type we do not know is sent as: a download, never sniffed. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private MediaType() {
    }

    /** {@code Text/CSS; charset=utf-8} -> {@code text/css}; null stays null. */
    public static String essence(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The weight of one element of an Accept or Accept-Encoding list, given what follows its first
     * {@code ;}: 1 when there is no {@code q}, 0 when it is unreadable or outside [0, 1] (RFC 9110
     * §12.4.2), so a broken weight never grants anything.
     */
    public static double qValue(String params) {
        for (String param : params.split(";")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(param.substring(eq + 1).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
