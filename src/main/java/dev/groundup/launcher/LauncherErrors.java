package dev.groundup.launcher;

import dev.groundup.errors.Errors;
import dev.groundup.http.MediaType;
import dev.groundup.http.Responses;
import dev.groundup.http.StandardHeaders;
import dev.groundup.requestids.RequestIds;
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

    /** Errors raised while reading the request line or headers (a broken header line, too large). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        standardHeaders(fields);
        fields.put(RequestIds.HEADER, RequestIds.newId()); // no request was made of it: a new id
        return ByteBuffer.wrap(Errors.page(status, detail(status)));
    }

    /**
     * Errors in a request line Jetty read but refused (a malformed escape or an ambiguous dot
     * segment in the address). Jetty hands over a stand-in request without the original's path or
     * headers, so there is no way to tell an API client: the HTML page it is.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : 500;
        byte[] page = Errors.page(status, detail(status));
        response.setStatus(status);
        standardHeaders(response.getHeaders());
        response.getHeaders().put(RequestIds.HEADER, LauncherRequestIds.idOf(request)); // the error reset the headers
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
