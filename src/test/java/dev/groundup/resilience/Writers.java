package dev.groundup.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Concurrent clients creating, patching and deleting todos through the API, each on its own
 * todos, each remembering what the answers acknowledged. Afterwards {@link #lost} compares the
 * stored list with that: an acknowledged write must be there exactly as acknowledged; a write
 * that got no 2xx (an outage, a cut connection) may or may not have happened, so its todo is
 * left out of the comparison, never counted as found or lost.
 */
final class Writers {
    // Not the app's mapper: it caps a document at 10,000 tokens, and the final list is larger.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What one todo should be, as far as the acknowledged answers say. */
    private record Known(String title, boolean completed) {
    }

    private final Supplier<URI> base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    /** Acknowledged state by id; ids whose last write got no 2xx are in {@link #uncertain}. */
    private final Map<Long, Known> known = new ConcurrentHashMap<>();
    private final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    private final Set<Long> uncertain = ConcurrentHashMap.newKeySet();
    /** Titles of creates that got no 201: their todo may exist. */
    private final Set<String> uncertainCreates = ConcurrentHashMap.newKeySet();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    /** 503s that came without Retry-After, and 5xx other than 503. */
    final AtomicInteger badFailures = new AtomicInteger();
    /** Requests sent on a connection that then broke without an answer. */
    final AtomicInteger unanswered = new AtomicInteger();
    /** Requests whose connection was refused: the server was not listening, nothing was started. */
    final AtomicInteger refused = new AtomicInteger();
    /** Requests on a kept-alive connection the server closed before reading them (a stop racing the send). */
    final AtomicInteger closedUnread = new AtomicInteger();
    final List<String> samples = new ArrayList<>();

    /** {@code base} is asked before each request, so a test can move the clients to another address. */
    Writers(int clients, long seed, Supplier<URI> base) {
        this.base = base;
        for (int c = 0; c < clients; c++) {
            int client = c;
            Random random = new Random(seed + c);
            Thread thread = new Thread(() -> run(client, random), "writer-" + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    Writers start() {
        threads.forEach(Thread::start);
        return this;
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    int acknowledged() {
        return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToInt(e -> e.getValue().get()).sum();
    }

    int count(int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    private void run(int client, Random random) {
        List<Long> mine = new ArrayList<>();
        int serial = 0;
        while (running.get()) {
            int pick = random.nextInt(10);
            try {
                if (mine.isEmpty() || pick < 4) {
                    String title = "w" + client + "-" + serial++;
                    HttpResponse<String> r = send("POST", "/api/todos", "{\"title\":\"" + title + "\"}");
                    if (r == null || r.statusCode() != 201) {
                        uncertainCreates.add(title);
                        continue;
                    }
                    long id = JSON.readTree(r.body()).get("id").asLong();
                    known.put(id, new Known(title, false));
                    mine.add(id);
                } else if (pick < 8) {
                    long id = mine.get(random.nextInt(mine.size()));
                    String title = "w" + client + "-p" + serial++;
                    boolean completed = random.nextBoolean();
                    HttpResponse<String> r = send("PATCH", "/api/todos/" + id,
                            "{\"title\":\"" + title + "\",\"completed\":" + completed + "}");
                    if (r != null && r.statusCode() == 200) {
                        known.put(id, new Known(title, completed));
                    } else {
                        uncertain.add(id);
                        mine.remove(id);
                    }
                } else {
                    long id = mine.remove(random.nextInt(mine.size()));
                    HttpResponse<String> r = send("DELETE", "/api/todos/" + id, null);
                    if (r != null && r.statusCode() == 204) {
                        known.remove(id);
                        deleted.add(id);
                    } else {
                        uncertain.add(id);
                    }
                }
            } catch (RuntimeException e) {
                sample("client " + client + ": " + e);
            }
        }
    }

    /** The answer, or null when there was none. */
    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.get().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        requests.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status == 400) {
                sample(method + " " + path + " -> 400 " + response.body());
            }
            if (status >= 500 && (status != 503 || response.headers().firstValue("Retry-After").isEmpty())) {
                badFailures.incrementAndGet();
                sample(method + " " + path + " -> " + status + " " + response.body());
            }
            return response;
        } catch (ConnectException e) {
            refused.incrementAndGet();
            return null;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("received no bytes")) {
                // A kept-alive connection the stopping server closed as the request went out: it was
                // never read (RFC 9112 9.3.1: the client may retry). Its todo stays "uncertain" below.
                closedUnread.incrementAndGet();
                return null;
            }
            unanswered.incrementAndGet();
            sample(method + " " + path + " unanswered: " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private synchronized void sample(String line) {
        if (samples.size() < 20) {
            samples.add(line);
        }
    }

    /**
     * What the stored list (a GET /api/todos body) contradicts in the acknowledged answers: an
     * acknowledged todo missing or different, a deleted one back, or a todo no one created.
     */
    List<String> lost(String listBody) {
        Map<Long, Known> stored = new HashMap<>();
        for (JsonNode todo : JSON.readTree(listBody)) {
            stored.put(todo.get("id").asLong(), new Known(todo.get("title").asString(), todo.get("completed").asBoolean()));
        }
        List<String> problems = new ArrayList<>();
        Set<Long> accounted = new HashSet<>();
        known.forEach((id, want) -> {
            if (uncertain.contains(id)) {
                accounted.add(id);
                return;
            }
            Known got = stored.get(id);
            if (!want.equals(got)) {
                problems.add("todo " + id + ": acknowledged " + want + ", stored " + got);
            }
            accounted.add(id);
        });
        for (long id : deleted) {
            if (!uncertain.contains(id) && stored.containsKey(id)) {
                problems.add("todo " + id + ": deleted (204), still stored as " + stored.get(id));
            }
            accounted.add(id);
        }
        stored.forEach((id, got) -> {
            if (!accounted.contains(id) && !uncertainCreates.contains(got.title())) {
                problems.add("todo " + id + " " + got + ": no client created it");
            }
        });
        return problems;
    }

    String summary() {
        return requests + " requests, statuses " + new java.util.TreeMap<>(Map.copyOf(
                statuses.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))))
                + ", refused " + refused + ", closed unread " + closedUnread + ", unanswered " + unanswered + ", uncertain todos " + uncertain.size()
                + ", uncertain creates " + uncertainCreates.size() + (samples.isEmpty() ? "" : ", e.g. " + samples);
    }
}
