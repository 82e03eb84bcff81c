package dev.groundup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate authority made at run time with the JDK's keytool, and server
 * certificates it signs for localhost and 127.0.0.1: no private key is ever committed. The files
 * are what a CA or an ACME client hands out: the chain as PEM (server first, then the CA), the key
 * as PEM, or both in a PKCS#12 keystore.
 */
public final class TestCertificates {
    public static final String PASSWORD = "test-password";
    private static TestCertificates shared;

    private final Path dir;
    private final X509Certificate ca;
    private int issued;

    /** A certificate issued for a server, in each of the forms the launcher reads. */
    public record Issued(Path chainPem, Path keyPem, Path keystore, X509Certificate certificate, PrivateKey key) {
    }

    private TestCertificates(Path dir) {
        this.dir = dir;
        keytool("-genkeypair", "-keystore", dir.resolve("ca.p12").toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-alias", "ca", "-dname", "CN=Groundup Test CA", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-ext", "bc:c");
        keytool("-exportcert", "-rfc", "-keystore", dir.resolve("ca.p12").toString(), "-storepass", PASSWORD,
                "-alias", "ca", "-file", dir.resolve("ca.pem").toString());
        this.ca = readCertificate(dir.resolve("ca.pem"));
    }

    /** A new authority whose files go to {@code dir}. */
    public static TestCertificates create(Path dir) {
        try {
            return new TestCertificates(Files.createDirectories(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One authority for the whole test run, in a temporary folder, and its first certificate. */
    public static synchronized TestCertificates shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("groundup-test-ca-");
                dir.toFile().deleteOnExit();
                shared = create(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public X509Certificate ca() {
        return ca;
    }

    /** A new RSA certificate for localhost and 127.0.0.1. */
    public Issued issue() {
        return issue("RSA");
    }

    /** A new certificate for localhost and 127.0.0.1 with a key of {@code algorithm} (RSA or EC). */
    public synchronized Issued issue(String algorithm) {
        String name = "server-" + (++issued);
        Path own = dir.resolve(name + ".own.p12");
        List<String> keyType = algorithm.equals("EC") ? List.of("-keyalg", "EC", "-groupname", "secp256r1")
                : List.of("-keyalg", "RSA", "-keysize", "2048");
        List<String> generate = new ArrayList<>(List.of("-genkeypair", "-keystore", own.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-alias", "server", "-dname", "CN=localhost", "-validity", "2"));
        generate.addAll(keyType);
        keytool(generate.toArray(String[]::new));
        keytool("-certreq", "-keystore", own.toString(), "-storepass", PASSWORD, "-alias", "server",
                "-file", dir.resolve(name + ".csr").toString());
        keytool("-gencert", "-keystore", dir.resolve("ca.p12").toString(), "-storepass", PASSWORD, "-alias", "ca",
                "-infile", dir.resolve(name + ".csr").toString(), "-outfile", dir.resolve(name + ".crt").toString(),
                "-rfc", "-validity", "2", "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "eku=serverAuth");
        try {
            X509Certificate certificate = readCertificate(dir.resolve(name + ".crt"));
            KeyStore ownStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(own)) {
                ownStore.load(in, PASSWORD.toCharArray());
            }
            PrivateKey key = (PrivateKey) ownStore.getKey("server", PASSWORD.toCharArray());

            Path chainPem = dir.resolve(name + ".chain.pem");
            Files.writeString(chainPem, pem("CERTIFICATE", certificate.getEncoded()) + pem("CERTIFICATE", ca.getEncoded()));
            Path keyPem = dir.resolve(name + ".key.pem");
            Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));

            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, PASSWORD.toCharArray(), new Certificate[] {certificate, ca});
            Path keystore = dir.resolve(name + ".p12");
            try (OutputStream out = Files.newOutputStream(keystore)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return new Issued(chainPem, keyPem, keystore, certificate, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client's TLS that trusts this authority only. */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static X509Certificate readCertificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.add("-noprompt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
