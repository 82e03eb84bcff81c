package dev.groundup.errors;

import dev.groundup.http.MediaType;
import dev.groundup.http.Responses;
import dev.groundup.requestids.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** RFC 9457 problem details: type, title, status, detail, instance, the invalid fields if any, and the request id. */
final class ProblemJson {
    private final ObjectMapper json;

    ProblemJson(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, Problem problem, String path)
            throws IOException {
        Responses.sendError(request, response, problem.status(), MediaType.PROBLEM_JSON, bytes(problem, path, RequestIds.of(request)));
    }

    byte[] bytes(Problem problem, String path, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank"); // the status says it all; title is then the status phrase (RFC 9457 §4.2.1)
        body.put("title", ErrorPage.title(problem.status()));
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", path);
        if (!problem.invalid().isEmpty()) {
            body.put("errors", problem.invalid());
        }
        if (requestId != null) {
            body.put("requestId", requestId); // what to quote to an operator, who finds it in the logs
        }
        return json.writeValueAsBytes(body);
    }
}
