package dev.groundup.routing;

import dev.groundup.routing.Routes.Route;
import dev.groundup.http.PercentDecoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route tables compiled into a segment trie. Matching walks one node per path segment —
 * a hash lookup for literals, then the parameter children — so its cost grows with the path's
 * depth, not with the number of routes. Literal children are tried before parameters, and a
 * {@code long} parameter before a plain one; a dead end backtracks, so {@code /a/b/c} and
 * {@code /a/{x}/d} both stay reachable.
 */
final class Router {
    /** Methods in the order {@code Allow} lists them; others follow alphabetically. */
    private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** A route with where its parameters sit in the path. */
    static final class Bound {
        final Route route;
        final String[] names;
        final int[] positions;

        Bound(Route route, Template template) {
            this.route = route;
            List<String> names = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < template.segments().size(); i++) {
                Template.Segment segment = template.segments().get(i);
                if (segment.isParam()) {
                    names.add(segment.param());
                    positions.add(i);
                }
            }
            this.names = names.toArray(String[]::new);
            this.positions = positions.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node longParam;
        Node anyParam;
        final Map<String, Bound> methods = new HashMap<>();
        String allow;
    }

    /** What a path resolved to: the decoded segments, the route for the method if any, and {@code Allow}. */
    record Match(String[] segments, Bound bound, String allow) {
    }

    private static final String[] NO_SEGMENTS = new String[0];

    private final Node root = new Node();
    /** All-literal templates by their text: most requests resolve with one lookup and no decoding. */
    private final Map<String, Node> literalPaths = new HashMap<>();
    private final Set<String> servletMappings = new LinkedHashSet<>();

    Router(List<Routes> tables) {
        for (Routes table : tables) {
            for (Route route : table.routes()) {
                add(route);
            }
        }
        finish(root);
    }

    /** The servlet mappings (exact paths and {@code /prefix/*}) that cover every route. */
    Set<String> servletMappings() {
        return servletMappings;
    }

    /**
     * Resolves {@code method} on {@code rawPath} (as on the request line, still percent-encoded).
     * Null if no route has this path; a Match without a route if only other methods do (405).
     * A GET route answers HEAD. Throws a 400 {@code Problem} for a malformed encoding.
     */
    Match match(String method, String rawPath) {
        Node literal = literalPaths.get(rawPath);
        if (literal != null) {
            Bound bound = forMethod(literal, method);
            if (bound != null) {
                return new Match(NO_SEGMENTS, bound, literal.allow);
            }
        }
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return null;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = PercentDecoding.segment(segments[i]);
        }
        Node node = find(root, segments, 0, method);
        if (node != null) {
            return new Match(segments, forMethod(node, method), node.allow);
        }
        Set<String> allowed = new TreeSet<>();
        collectMethods(root, segments, 0, allowed);
        return allowed.isEmpty() ? null : new Match(segments, null, allowHeader(allowed));
    }

    private static Bound forMethod(Node node, String method) {
        Bound bound = node.methods.get(method);
        return bound == null && method.equals("HEAD") ? node.methods.get("GET") : bound;
    }

    /** The first node, literals first, whose route answers {@code method}. */
    private static Node find(Node node, String[] segments, int i, String method) {
        if (i == segments.length) {
            return forMethod(node, method) != null ? node : null;
        }
        String segment = segments[i];
        Node next = node.literals.get(segment);
        Node found;
        if (next != null && (found = find(next, segments, i + 1, method)) != null) {
            return found;
        }
        if (node.longParam != null && isLong(segment)
                && (found = find(node.longParam, segments, i + 1, method)) != null) {
            return found;
        }
        if (node.anyParam != null && isParamValue(segment)) {
            return find(node.anyParam, segments, i + 1, method);
        }
        return null;
    }

    /** Every method some route answers on this path: for 405 and OPTIONS. */
    private static void collectMethods(Node node, String[] segments, int i, Set<String> into) {
        if (i == segments.length) {
            into.addAll(node.methods.keySet());
            return;
        }
        String segment = segments[i];
        Node next = node.literals.get(segment);
        if (next != null) {
            collectMethods(next, segments, i + 1, into);
        }
        if (node.longParam != null && isLong(segment)) {
            collectMethods(node.longParam, segments, i + 1, into);
        }
        if (node.anyParam != null && isParamValue(segment)) {
            collectMethods(node.anyParam, segments, i + 1, into);
        }
    }

    /** A non-negative decimal integer that fits a {@code long}. */
    static boolean isLong(String s) {
        if (s.isEmpty() || s.length() > 19) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return s.length() < 19 || s.compareTo("9223372036854775807") <= 0;
    }

    /** Any non-empty segment except the dot segments, which name no resource. */
    private static boolean isParamValue(String s) {
        return !s.isEmpty() && !s.equals(".") && !s.equals("..");
    }

    private void add(Route route) {
        Template template = Template.parse(route.template());
        Node node = root;
        for (Template.Segment segment : template.segments()) {
            if (!segment.isParam()) {
                node = node.literals.computeIfAbsent(segment.literal(), k -> new Node());
            } else if (segment.isLong()) {
                node = node.longParam != null ? node.longParam : (node.longParam = new Node());
            } else {
                node = node.anyParam != null ? node.anyParam : (node.anyParam = new Node());
            }
        }
        Bound previous = node.methods.putIfAbsent(route.method(), new Bound(route, template));
        if (previous != null) {
            throw new IllegalArgumentException(route.method() + " " + route.template()
                    + " is already routed by " + previous.route.method() + " " + previous.route.template());
        }
        if (template.isLiteral()) {
            literalPaths.put(template.text(), node);
        }
        servletMappings.add(template.servletMapping());
    }

    private static void finish(Node node) {
        if (!node.methods.isEmpty()) {
            node.allow = allowHeader(node.methods.keySet());
        }
        node.literals.values().forEach(Router::finish);
        if (node.longParam != null) {
            finish(node.longParam);
        }
        if (node.anyParam != null) {
            finish(node.anyParam);
        }
    }

    static String allowHeader(Set<String> methods) {
        Set<String> all = new LinkedHashSet<>(methods);
        if (all.contains("GET")) {
            all.add("HEAD");
        }
        all.add("OPTIONS");
        List<String> ordered = new ArrayList<>();
        for (String m : METHOD_ORDER) {
            if (all.remove(m)) {
                ordered.add(m);
            }
        }
        ordered.addAll(new TreeSet<>(all));
        return String.join(", ", ordered);
    }
}
