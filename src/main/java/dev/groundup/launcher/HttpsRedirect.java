package dev.groundup.launcher;

import dev.groundup.http.StandardHeaders;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * {@code --redirect-https}: a request on the plain port gets 308 to the same path and query over
 * HTTPS, at the host it asked for and the HTTPS port. 308, not 301: a POST stays a POST.
 */
final class HttpsRedirect extends Handler.Wrapper {
    private final IntSupplier httpsPort;

    /** @param httpsPort the HTTPS connector's port, once it listens (it may have been 0, any free one) */
    HttpsRedirect(Handler handler, IntSupplier httpsPort) {
        super(handler);
        this.httpsPort = httpsPort;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.isSecure()) {
            return super.handle(request, response, callback);
        }
        HttpURI uri = request.getHttpURI();
        String location = URIUtil.newURI("https", Request.getServerName(request), httpsPort.getAsInt(),
                uri.getPath(), uri.getQuery());
        StandardHeaders.HEADERS.forEach(header -> response.getHeaders().put(header.getKey(), header.getValue()));
        response.setStatus(HttpStatus.PERMANENT_REDIRECT_308);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        response.write(true, null, callback);
        return true;
    }
}
