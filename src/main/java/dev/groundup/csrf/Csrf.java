package dev.groundup.csrf;

import dev.groundup.errors.Problem;
import dev.groundup.routing.Exchange;
import dev.groundup.routing.Handler;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-site request forgery protection without server-side state, so any instance that shares
 * the secret accepts any other's forms. Each browser gets a random value in a cookie; each form
 * carries, in the hidden field {@value #FIELD}, an HMAC-SHA256 of that value under the server's
 * secret. Another site can make a browser send the cookie but can neither read it nor compute the
 * token. A POST whose {@code Origin} is not this server's is refused as well.
 */
public final class Csrf {
    private static final Logger LOG = LoggerFactory.getLogger(Csrf.class);

    /** The form field that carries the token. */
    public static final String FIELD = "csrf";
    private static final String ALGORITHM = "HmacSHA256";
    /** 32 random bytes, base64url without padding: what we put in the cookie, and all we accept there. */
    private static final Pattern BROWSER_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Function<HttpServletRequest, String> origin;
    /**
     * Several generators, one picked per call: Linux's default SecureRandom (NativePRNG) passes every
     * instance's bytes through one JVM-wide lock, where pages minting cookies queued under load
     * (seconds per page at 256 connections on one CPU). Each DRBG locks only itself.
     */
    private final SecureRandom[] randoms = newRandoms(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));

    /**
     * @param secret the configured secret, or null: then a random one, good until this process stops
     * @param origin this server's {@code scheme://host[:port]} as the client sees it (see --trust-proxy)
     */
    public Csrf(String secret, Function<HttpServletRequest, String> origin) {
        byte[] keyBytes;
        if (secret == null) {
            keyBytes = new byte[32];
            random().nextBytes(keyBytes);
            LOG.warn("No secret is set (--secret, GROUNDUP_SECRET or groundup.secret), so a random one was made: "
                    + "forms will not survive a restart, and instances will refuse each other's. "
                    + "Give every instance the same secret.");
        } else {
            keyBytes = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(keyBytes, ALGORITHM);
        this.origin = origin;
    }

    /**
     * The token for this browser's forms. A browser without our cookie gets one with this response,
     * so call this before the response is committed.
     */
    public String token(Exchange ex) {
        boolean secure = isHttps(ex.request());
        String name = cookieName(ex.request(), secure);
        String value = ex.cookie(name);
        if (value == null || !BROWSER_VALUE.matcher(value).matches()) {
            byte[] bytes = new byte[32];
            random().nextBytes(bytes);
            value = BASE64.encodeToString(bytes);
            ex.cookie(name, value, secure);
        }
        return mac(value);
    }

    /** {@code handler}, run only for a request that passes {@link #check}. */
    public Handler protect(Handler handler) {
        return ex -> {
            check(ex);
            handler.handle(ex);
        };
    }

    /** A 403 unless the request comes from this site's own form in this browser. */
    public void check(Exchange ex) throws java.io.IOException {
        HttpServletRequest request = ex.request();
        String sentFrom = request.getHeader("Origin");
        if (sentFrom != null && !sentFrom.equalsIgnoreCase(origin.apply(request))) {
            throw forbidden("This form was sent from another site.");
        }
        String value = ex.cookie(cookieName(request, isHttps(request)));
        String token = ex.form(FIELD);
        if (value == null || token == null) {
            throw forbidden("This form has expired or did not come from this site. Open the page again and resend it.");
        }
        byte[] expected = mac(value).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) { // constant time
            throw forbidden("This form has expired or did not come from this site. Open the page again and resend it.");
        }
    }

    private String mac(String browserValue) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe; cheap to make
            mac.init(key);
            return BASE64.encodeToString(mac.doFinal(browserValue.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private SecureRandom random() {
        return randoms[ThreadLocalRandom.current().nextInt(randoms.length)];
    }

    private static SecureRandom[] newRandoms(int count) {
        SecureRandom[] randoms = new SecureRandom[count];
        for (int i = 0; i < count; i++) {
            try {
                randoms[i] = SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("DRBG is part of every Java runtime since 9", e);
            }
        }
        return randoms;
    }

    private boolean isHttps(HttpServletRequest request) {
        return origin.apply(request).startsWith("https:");
    }

    /**
     * Over HTTPS the cookie's name tells the browser to keep it locked down: {@code __Host-} (only
     * this host, Path=/) for an application at the root, {@code __Secure-} under a context path,
     * since {@code __Host-} requires Path=/.
     */
    private static String cookieName(HttpServletRequest request, boolean secure) {
        if (!secure) {
            return FIELD;
        }
        return (request.getContextPath().isEmpty() ? "__Host-" : "__Secure-") + FIELD;
    }

    private static Problem forbidden(String detail) {
        return new Problem(403, detail);
    }
}
