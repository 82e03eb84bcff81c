package dev.groundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundup.Config;
import dev.groundup.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate files as CAs and ACME clients write them: every key format read with the JDK
 * alone, and every way a file can be wrong said in one line that names it.
 */
class KeyMaterialTest {
    private static final TestCertificates CA = TestCertificates.shared();
    private static TestCertificates.Issued rsa;
    private static TestCertificates.Issued ec;

    @TempDir
    Path dir;

    private static synchronized TestCertificates.Issued rsa() {
        if (rsa == null) {
            rsa = CA.issue("RSA");
        }
        return rsa;
    }

    private static synchronized TestCertificates.Issued ec() {
        if (ec == null) {
            ec = CA.issue("EC");
        }
        return ec;
    }

    private static Config.Tls pem(Path cert, Path key) {
        return new Config.Tls(cert, key, null, null, 0, false, false);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static KeyMaterial.Loaded load(Config.Tls tls) {
        return KeyMaterial.load(tls);
    }

    private static void assertServes(KeyMaterial.Loaded loaded, TestCertificates.Issued issued) throws Exception {
        assertThat(loaded.certificate().getSerialNumber()).isEqualTo(issued.certificate().getSerialNumber());
        KeyStore store = loaded.keyStore();
        String alias = store.aliases().nextElement();
        assertThat(store.getCertificateChain(alias)).hasSize(2);
        assertThat(store.getKey(alias, loaded.password().toCharArray())).isNotNull();
    }

    @Test
    void pkcs8KeysOfRsaAndEc() throws Exception {
        assertServes(load(pem(rsa().chainPem(), rsa().keyPem())), rsa());
        assertServes(load(pem(ec().chainPem(), ec().keyPem())), ec());
    }

    @Test
    void pkcs1RsaKey() throws Exception {
        byte[] pkcs1 = innerKey(rsa().key());
        Path key = write("rsa.key", TestCertificates.pem("RSA PRIVATE KEY", pkcs1));
        assertServes(load(pem(rsa().chainPem(), key)), rsa());
    }

    @Test
    void sec1EcKeyWithItsCurveInsideOrInAnEcParametersBlock() throws Exception {
        byte[] curve = curveOid(ec().key());
        byte[] inner = innerKey(ec().key()); // the JDK writes SEC1 without the optional curve
        Der.Reader sec1 = new Der.Reader(inner).enter(0x30);
        ByteArrayOutputStream withCurve = new ByteArrayOutputStream();
        while (sec1.hasMore()) {
            Der.Reader.Element element = sec1.element();
            if (element.tag() == 0x04) {
                withCurve.writeBytes(element.encoded());
                withCurve.writeBytes(Der.tlv(0xa0, curve)); // as openssl writes it: [0] the named curve
            } else {
                withCurve.writeBytes(element.encoded());
            }
        }
        Path inside = write("ec.key", TestCertificates.pem("EC PRIVATE KEY", Der.tlv(0x30, withCurve.toByteArray())));
        assertServes(load(pem(ec().chainPem(), inside)), ec());

        Path besides = write("ec-params.key", TestCertificates.pem("EC PARAMETERS", curve)
                + TestCertificates.pem("EC PRIVATE KEY", inner));
        assertServes(load(pem(ec().chainPem(), besides)), ec());
    }

    @Test
    void aChainWrittenCaFirstIsPutInOrder() throws Exception {
        String[] blocks = Files.readString(rsa().chainPem()).split("(?<=-----END CERTIFICATE-----\n)");
        Path reversed = write("reversed.pem", blocks[1] + blocks[0]);
        KeyMaterial.Loaded loaded = load(pem(reversed, rsa().keyPem()));
        assertServes(loaded, rsa());
        KeyStore store = loaded.keyStore();
        X509Certificate second = (X509Certificate) store.getCertificateChain(store.aliases().nextElement())[1];
        assertThat(second.getSubjectX500Principal()).isEqualTo(CA.ca().getSubjectX500Principal());
    }

    @Test
    void aPkcs12KeystoreAndItsWrongPassword() throws Exception {
        assertServes(load(new Config.Tls(null, null, ec().keystore(), TestCertificates.PASSWORD, 0, false, false)), ec());
        assertThatThrownBy(() -> load(new Config.Tls(null, null, ec().keystore(), "not the password", 0, false, false)))
                .isInstanceOf(KeyMaterial.Unusable.class)
                .hasMessage("--keystore " + ec().keystore() + ": the password is wrong (--keystore-password)");
        Path notAKeystore = write("not.p12", "hello");
        assertThatThrownBy(() -> load(new Config.Tls(null, null, notAKeystore, "x", 0, false, false)))
                .isInstanceOf(KeyMaterial.Unusable.class).hasMessageStartingWith("--keystore " + notAKeystore + " ");
    }

    @Test
    void whatIsWrongWithAFileIsOneLineNamingIt() throws Exception {
        Path cert = rsa().chainPem();
        Path key = rsa().keyPem();
        Path empty = write("empty.pem", "");
        Path garbage = write("garbage.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        Path encrypted = write("encrypted.key", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        Path legacyEncrypted = write("legacy.key", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        assertUnusable(pem(empty, key), "--tls-cert " + empty + " has no certificate in it");
        assertUnusable(pem(garbage, key), "--tls-cert " + garbage + ": certificate 1 is damaged");
        assertUnusable(pem(key, cert), "--tls-cert " + key + " holds a private key, not a certificate (are --tls-cert and --tls-key swapped?)");
        assertUnusable(pem(cert, empty), "--tls-key " + empty + " has no private key in it");
        assertUnusable(pem(cert, encrypted), "--tls-key " + encrypted + " is encrypted");
        assertUnusable(pem(cert, legacyEncrypted), "--tls-key " + legacyEncrypted + " is encrypted");
        assertUnusable(pem(cert, ec().keyPem()), "--tls-key " + ec().keyPem() + " is not the key of the certificate in " + cert);
    }

    private static void assertUnusable(Config.Tls tls, String message) {
        assertThatThrownBy(() -> load(tls)).isInstanceOf(KeyMaterial.Unusable.class)
                .hasMessageStartingWith(message).hasMessageNotContaining("\n");
    }

    /** PKCS#8's privateKey OCTET STRING: the PKCS#1 RSAPrivateKey or the SEC1 ECPrivateKey. */
    private static byte[] innerKey(PrivateKey key) throws Exception {
        Der.Reader info = new Der.Reader(key.getEncoded()).enter(0x30);
        info.next(0x02);
        info.next(0x30);
        return info.next(0x04).content();
    }

    /** The named curve's OID (as a whole element) from PKCS#8's AlgorithmIdentifier parameters. */
    private static byte[] curveOid(PrivateKey key) throws Exception {
        Der.Reader info = new Der.Reader(key.getEncoded()).enter(0x30);
        info.next(0x02);
        Der.Reader algorithm = info.enter(0x30);
        algorithm.next(0x06);
        return algorithm.next(0x06).encoded();
    }
}
