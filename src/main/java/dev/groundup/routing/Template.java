package dev.groundup.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A parsed path template such as {@code /api/todos/{id:long}}: its segments, checked once at startup. */
record Template(String text, List<Segment> segments) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A literal segment, or a parameter that matches any segment or only a {@code long}. */
    record Segment(String literal, String param, boolean isLong) {
        boolean isParam() {
            return param != null;
        }
    }

    static Template parse(String text) {
        if (!text.startsWith("/") || text.length() == 1) {
            throw bad(text, "it must start with '/' and name at least one segment");
        }
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String part : text.substring(1).split("/", -1)) {
            if (part.isEmpty()) {
                throw bad(text, "it has an empty segment");
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                String inner = part.substring(1, part.length() - 1);
                int colon = inner.indexOf(':');
                String name = colon < 0 ? inner : inner.substring(0, colon);
                String type = colon < 0 ? "" : inner.substring(colon + 1);
                if (!NAME.matcher(name).matches()) {
                    throw bad(text, "'" + name + "' is not a parameter name");
                }
                if (!type.isEmpty() && !type.equals("long")) {
                    throw bad(text, "parameter type '" + type + "' is unknown (use {name} or {name:long})");
                }
                if (!names.add(name)) {
                    throw bad(text, "parameter '" + name + "' appears twice");
                }
                segments.add(new Segment(null, name, type.equals("long")));
            } else if (part.contains("{") || part.contains("}")) {
                throw bad(text, "a parameter must be a whole segment: '" + part + "'");
            } else if (part.equals(".") || part.equals("..")) {
                throw bad(text, "dot segments never reach the application");
            } else {
                segments.add(new Segment(part, null, false));
            }
        }
        if (segments.get(0).isParam()) {
            throw bad(text, "the first segment must be literal, so routes never shadow the site's files");
        }
        return new Template(text, List.copyOf(segments));
    }

    /**
     * The servlet mapping that sends this template's paths to the router: the template itself
     * when it is all literal, else its literal prefix followed by {@code /*}.
     */
    String servletMapping() {
        StringBuilder prefix = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.isParam()) {
                return prefix + "/*";
            }
            prefix.append('/').append(segment.literal());
        }
        return prefix.toString();
    }

    boolean isLiteral() {
        return segments.stream().noneMatch(Segment::isParam);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("route template '" + text + "' is not valid: " + why);
    }
}
