package dev.groundup.launcher;

import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Run in its own JVM by LauncherIT: a TLS handshake offering one protocol version only, in a JVM
 * whose java.security allows the old versions again (as an old or reconfigured JDK would), so
 * that a refusal is the server's. Prints {@code OK <protocol>} or {@code REFUSED <reason>}.
 */
public final class TlsProbe {
    private TlsProbe() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String protocol = args[2];
        // Only whether the handshake happens is asked here; who the server is does not matter.
        TrustManager anyone = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {anyone}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            System.out.println("OK " + socket.getSession().getProtocol());
        } catch (java.io.IOException e) {
            System.out.println("REFUSED " + e);
        }
    }
}
