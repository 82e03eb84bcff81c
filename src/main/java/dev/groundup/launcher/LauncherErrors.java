package dev.groundup.launcher;

import dev.groundup.errors.Errors;
import dev.groundup.errors.Problem;
import dev.groundup.http.MediaType;
import dev.groundup.http.Responses;
import dev.groundup.http.StandardHeaders;
import dev.groundup.requestids.RequestIds;
import dev.groundup.views.Views;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach the application (a malformed percent escape in the
 * address, a broken header line, headers too large) get the application's error page and headers,
 * never Jetty's page with its internal "/badMessage" URI and no Server header.
 */
final class LauncherErrors extends ErrorHandler {
    /** The precompiled error page: these errors come before any request reaches the application. */
    private final Views views = Views.precompiled();
    /** A stop takes at most its grace period (Main.STOP_TIMEOUT); another instance may answer sooner. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** Errors raised while reading the request line or headers (a broken header line, too large). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        standardHeaders(fields);
        fields.put(RequestIds.HEADER, RequestIds.newId()); // no request was made of it: a new id
        return ByteBuffer.wrap(Errors.page(views, status, detail(status)));
    }

    /**
     * Errors in a request line Jetty read but refused (a malformed escape or an ambiguous dot
     * segment in the address). Jetty hands over a stand-in request without the original's path or
     * headers, so there is no way to tell an API client: the HTML page it is.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : 500;
        String detail = detail(status);
        if (status == 503) {
            // GracefulHandler's refusal while the server stops (a request on a kept-alive connection).
            detail = request.getConnectionMetaData().getConnector().getServer().isStopping()
                    ? "The server is stopping; send the request again in a few seconds."
                    : "The server cannot take this request right now; try again in a few seconds.";
        }
        standardHeaders(response.getHeaders());
        String requestId = LauncherRequestIds.idOf(request);
        response.getHeaders().put(RequestIds.HEADER, requestId); // the error reset the headers
        if (status == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        String path = Request.getPathInContext(request);
        byte[] page;
        if (Errors.wantsJson(path, request.getHeaders().get(HttpHeader.ACCEPT))) {
            page = Errors.problemJson(new Problem(status, detail), path, requestId);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaType.PROBLEM_JSON);
        } else {
            page = Errors.page(views, status, detail);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.length);
        response.write(true, HttpMethod.HEAD.is(request.getMethod()) ? null : ByteBuffer.wrap(page), callback);
        return true;
    }

    private static void standardHeaders(HttpFields.Mutable fields) {
        StandardHeaders.HEADERS.forEach(header -> fields.put(header.getKey(), header.getValue()));
        fields.put(HttpHeader.CACHE_CONTROL, Responses.ERROR_CACHE_CONTROL);
        fields.put(HttpHeader.CONTENT_TYPE, MediaType.HTML);
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is not valid HTTP: check the address's percent escapes and the header lines.";
            case 414 -> "The address is too long.";
            case 431 -> "The request's headers are too large.";
            case 505 -> "Only HTTP/1.0 and HTTP/1.1 are spoken here.";
            default -> Errors.defaultDetail(status);
        };
    }
}
