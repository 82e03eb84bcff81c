package dev.groundup.launcher;

import dev.groundup.Config;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate and key HTTPS is served with, read with the JDK alone: a PEM pair as CAs and
 * ACME clients issue it (a chain of CERTIFICATE blocks; a PKCS#8, PKCS#1 RSA or SEC1 EC key) or
 * a PKCS#12 keystore. What cannot be used is an {@link Unusable} whose message names the file and
 * what is wrong with it, in one line.
 */
final class KeyMaterial {
    /** The password of the keystore made in memory from PEM files; it is never written anywhere. */
    static final String IN_MEMORY_PASSWORD = "groundup";

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** rsaEncryption (1.2.840.113549.1.1.1) and id-ecPublicKey (1.2.840.10045.2.1), DER-encoded. */
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    /** A file's content the server cannot use; the message is one line for the operator. */
    static final class Unusable extends IllegalArgumentException {
        Unusable(String message) {
            super(message);
        }
    }

    /** What Jetty is given: a keystore, its password, and the certificate it serves (for log lines). */
    record Loaded(KeyStore keyStore, String password, X509Certificate certificate) {
        String describe() {
            return certificate.getSubjectX500Principal().getName() + ", valid until " + certificate.getNotAfter().toInstant();
        }
    }

    /** The bytes of the files as read at one moment, so that what is checked is what gets loaded. */
    record Snapshot(List<byte[]> contents) {
        boolean sameAs(Snapshot other) {
            if (other == null || other.contents.size() != contents.size()) {
                return false;
            }
            for (int i = 0; i < contents.size(); i++) {
                if (!Arrays.equals(contents.get(i), other.contents.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private KeyMaterial() {
    }

    /** The files {@code tls} names: the PEM certificate and key, or the keystore. */
    static List<Path> files(Config.Tls tls) {
        return tls.keystore() != null ? List.of(tls.keystore()) : List.of(tls.cert(), tls.key());
    }

    static Snapshot read(Config.Tls tls) throws Unusable {
        List<byte[]> contents = new ArrayList<>();
        for (Path file : files(tls)) {
            try {
                contents.add(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new Unusable(flag(tls, file) + " " + file + " cannot be read: " + e.getMessage());
            }
        }
        return new Snapshot(List.copyOf(contents));
    }

    static Loaded load(Config.Tls tls) throws Unusable {
        return load(tls, read(tls));
    }

    static Loaded load(Config.Tls tls, Snapshot snapshot) throws Unusable {
        return tls.keystore() != null
                ? fromKeystore(tls.keystore(), tls.keystorePassword(), snapshot.contents().get(0))
                : fromPem(tls.cert(), snapshot.contents().get(0), tls.key(), snapshot.contents().get(1));
    }

    private static String flag(Config.Tls tls, Path file) {
        return file.equals(tls.keystore()) ? "--keystore" : file.equals(tls.cert()) ? "--tls-cert" : "--tls-key";
    }

    private static Loaded fromPem(Path certFile, byte[] certBytes, Path keyFile, byte[] keyBytes) throws Unusable {
        String certWhere = "--tls-cert " + certFile;
        String keyWhere = "--tls-key " + keyFile;
        List<X509Certificate> chain = certificates(certWhere, blocks(certBytes));
        PrivateKey key = privateKey(keyWhere, blocks(keyBytes));
        // The server's own certificate goes first; a bundle written CA-first is put in order.
        int own = -1;
        for (int i = 0; i < chain.size() && own < 0; i++) {
            if (belongsTogether(chain.get(i).getPublicKey(), key)) {
                own = i;
            }
        }
        if (own < 0) {
            throw new Unusable(keyWhere + " is not the key of the certificate in " + certFile + " (their public keys differ)");
        }
        List<X509Certificate> ordered = new ArrayList<>(chain);
        Collections.swap(ordered, 0, own);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("groundup", key, IN_MEMORY_PASSWORD.toCharArray(), ordered.toArray(Certificate[]::new));
            return new Loaded(store, IN_MEMORY_PASSWORD, ordered.get(0));
        } catch (GeneralSecurityException | IOException e) {
            throw new Unusable(keyWhere + " cannot be used with its certificate: " + e.getMessage());
        }
    }

    private static Loaded fromKeystore(Path file, String password, byte[] bytes) throws Unusable {
        String where = "--keystore " + file;
        char[] chars = password == null ? new char[0] : password.toCharArray();
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), chars);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password");
            throw new Unusable(where + (wrongPassword ? ": the password is wrong (--keystore-password)"
                    : " is not a PKCS#12 keystore (" + e.getMessage() + ")"));
        } catch (GeneralSecurityException e) {
            throw new Unusable(where + " cannot be read: " + e.getMessage());
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    store.getKey(alias, chars); // the key must open with the same password: Jetty gives it that one
                    return new Loaded(store, password == null ? "" : password, certificate);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new Unusable(where + ": its private key does not open with --keystore-password");
        } catch (GeneralSecurityException e) {
            throw new Unusable(where + " cannot be read: " + e.getMessage());
        }
        throw new Unusable(where + " holds no private key with a certificate");
    }

    /** A PEM file's blocks, each its label and DER bytes. */
    private record Block(String label, byte[] der, boolean encrypted) {
    }

    private static List<Block> blocks(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            // Legacy OpenSSL encryption puts headers (Proc-Type: 4,ENCRYPTED) before the base64.
            boolean encrypted = body.contains("Proc-Type:") || m.group(1).startsWith("ENCRYPTED");
            byte[] der;
            try {
                der = encrypted ? new byte[0] : Base64.getMimeDecoder().decode(body.strip());
            } catch (IllegalArgumentException e) {
                der = null; // not base64: reported by the caller, who knows what the block should be
            }
            blocks.add(new Block(m.group(1), der, encrypted));
        }
        return blocks;
    }

    private static List<X509Certificate> certificates(String where, List<Block> blocks) throws Unusable {
        List<X509Certificate> chain = new ArrayList<>();
        boolean keys = false;
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 support", e);
        }
        for (Block block : blocks) {
            if (block.label().equals("CERTIFICATE")) {
                if (block.der() == null) {
                    throw new Unusable(where + ": certificate " + (chain.size() + 1) + " is not valid base64");
                }
                try {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                } catch (CertificateException | ClassCastException e) {
                    throw new Unusable(where + ": certificate " + (chain.size() + 1) + " is damaged (" + e.getMessage() + ")");
                }
            } else if (block.label().endsWith("PRIVATE KEY")) {
                keys = true;
            }
        }
        if (chain.isEmpty()) {
            throw new Unusable(where + (keys ? " holds a private key, not a certificate (are --tls-cert and --tls-key swapped?)"
                    : " has no certificate in it (expected -----BEGIN CERTIFICATE-----)"));
        }
        return chain;
    }

    private static PrivateKey privateKey(String where, List<Block> blocks) throws Unusable {
        byte[] ecParameters = null;
        boolean certificates = false;
        for (Block block : blocks) {
            if (block.label().equals("EC PARAMETERS") && block.der() != null) {
                ecParameters = block.der(); // openssl ecparam -genkey writes the curve before the key
            }
            certificates |= block.label().equals("CERTIFICATE");
        }
        for (Block block : blocks) {
            if (!block.label().endsWith("PRIVATE KEY")) {
                continue;
            }
            if (block.encrypted()) {
                throw new Unusable(where + " is encrypted; give it decrypted (openssl pkey -in KEY -out KEY.plain)");
            }
            if (block.der() == null) {
                throw new Unusable(where + ": the key is not valid base64");
            }
            try {
                return switch (block.label()) {
                    case "PRIVATE KEY" -> pkcs8(where, block.der());
                    case "RSA PRIVATE KEY" -> pkcs8(where, pkcs8Of(RSA_OID, new byte[] {0x05, 0x00}, block.der()));
                    case "EC PRIVATE KEY" -> pkcs8(where, pkcs8Of(EC_OID, curveOf(block.der(), ecParameters), block.der()));
                    default -> throw new Unusable(where + ": a " + block.label() + " is not a key this server reads "
                            + "(PKCS#8 PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
                };
            } catch (Der.Malformed e) {
                throw new Unusable(where + ": the " + block.label() + " is damaged (" + e.getMessage() + ")");
            }
        }
        throw new Unusable(where + (certificates ? " holds a certificate, not a private key (are --tls-cert and --tls-key swapped?)"
                : " has no private key in it (expected -----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY)"));
    }

    private static PrivateKey pkcs8(String where, byte[] der) throws Unusable {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return java.security.KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException notThisOne) {
                // the next algorithm
            }
        }
        throw new Unusable(where + ": the key is damaged or of a kind the JDK cannot use (RSA, EC, Ed25519 and Ed448 are)");
    }

    /**
     * PKCS#1 and SEC1 keys are PKCS#8's inner key without its wrapper: PrivateKeyInfo ::= SEQUENCE {
     * version 0, AlgorithmIdentifier { algorithm, parameters }, privateKey OCTET STRING }.
     */
    private static byte[] pkcs8Of(byte[] algorithmOid, byte[] parameters, byte[] innerKey) {
        ByteArrayOutputStream algorithm = new ByteArrayOutputStream();
        algorithm.writeBytes(algorithmOid);
        algorithm.writeBytes(parameters);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(new byte[] {0x02, 0x01, 0x00});
        info.writeBytes(Der.tlv(0x30, algorithm.toByteArray()));
        info.writeBytes(Der.tlv(0x04, innerKey));
        return Der.tlv(0x30, info.toByteArray());
    }

    /**
     * The curve of a SEC1 key: ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING,
     * [0] parameters OPTIONAL, [1] publicKey OPTIONAL }; without [0], the EC PARAMETERS block's.
     */
    private static byte[] curveOf(byte[] sec1, byte[] ecParameters) throws Der.Malformed, Unusable {
        Der.Reader key = new Der.Reader(sec1).enter(0x30);
        key.next(0x02);
        key.next(0x04);
        while (key.hasMore()) {
            Der.Reader.Element element = key.element();
            if (element.tag() == 0xa0) {
                return element.content();
            }
        }
        if (ecParameters != null) {
            return ecParameters;
        }
        throw new Unusable("the EC PRIVATE KEY does not say its curve (no parameters, no EC PARAMETERS block)");
    }

    /** Whether {@code key} is the private half of {@code publicKey}. */
    static boolean belongsTogether(PublicKey publicKey, PrivateKey key) {
        if (publicKey instanceof RSAPublicKey rsa && key instanceof RSAPrivateCrtKey crt) {
            return rsa.getModulus().equals(crt.getModulus()) && rsa.getPublicExponent().equals(crt.getPublicExponent());
        }
        if (publicKey instanceof ECPublicKey ec && key instanceof ECPrivateKey priv) {
            // The public point is d times the generator; the JDK has no public API for that, so
            // compare the curve here and let a signature decide below.
            if (!ec.getParams().getCurve().equals(priv.getParams().getCurve())) {
                return false;
            }
        }
        return signsFor(publicKey, key);
    }

    /** A signature made with {@code key} that {@code publicKey} verifies: the general test of a key pair. */
    private static boolean signsFor(PublicKey publicKey, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        try {
            byte[] data = "groundup key check".getBytes(StandardCharsets.US_ASCII);
            java.security.Signature signer = java.security.Signature.getInstance(algorithm);
            if (algorithm.equals("RSASSA-PSS")) {
                signer.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            signer.initVerify(publicKey);
            signer.update(data);
            return signer.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
