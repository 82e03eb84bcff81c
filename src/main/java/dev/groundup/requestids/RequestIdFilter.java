package dev.groundup.requestids;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;

/** Gives the request its id once (later dispatches reuse it), echoes it, and puts it in the MDC. */
final class RequestIdFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestIds.of(request);
        if (id == null) {
            id = RequestIds.accept(((HttpServletRequest) request).getHeader(RequestIds.HEADER));
            request.setAttribute(RequestIds.ATTRIBUTE, id);
        }
        // Every dispatch: an error dispatch may follow a reset of the response's headers.
        ((HttpServletResponse) response).setHeader(RequestIds.HEADER, id);
        String outer = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer != null) {
                MDC.put(RequestIds.MDC_KEY, outer); // an error dispatch inside the request's own
            } else {
                MDC.remove(RequestIds.MDC_KEY);
            }
        }
    }
}
