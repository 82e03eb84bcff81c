package dev.groundup.launcher;

import dev.groundup.requestids.RequestIds;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The request id for every request the launcher answers, before any handler: the fast path's
 * files and Jetty's own errors carry it too, and the web application's filter reuses it (the
 * attribute reaches the servlet request).
 */
final class LauncherRequestIds extends Handler.Wrapper {

    LauncherRequestIds(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        response.getHeaders().put(RequestIds.HEADER, id);
        return super.handle(request, response, callback);
    }

    /** The id of {@code request} if this handler saw it, else a new one (a request Jetty refused early). */
    static String idOf(Request request) {
        return request != null && request.getAttribute(RequestIds.ATTRIBUTE) instanceof String id
                ? id : RequestIds.newId();
    }

}
