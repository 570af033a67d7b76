package org.knut.core.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Certificates and keys from PEM files, as OpenSSL and Kubernetes TLS Secrets hold them: a file may
 * carry a certificate chain, a private key, or both (NUT's CERTFILE: the server certificate, its chain
 * and its key in one file). Private keys may be PKCS#8 ({@code BEGIN PRIVATE KEY}, what OpenSSL 3
 * writes) or PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}, cert-manager's default); encrypted keys are
 * refused with a message saying how to convert them.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private PemFiles() {
    }

    /** Every certificate in {@code file}, in order (the server's own first, then its chain). */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(file)) {
                if (b.type.equals("CERTIFICATE")) {
                    out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der)));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": unreadable certificate: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
        }
        return out;
    }

    /** The private key in {@code file}. */
    public static PrivateKey privateKey(Path file) throws IOException {
        for (Block b : blocks(file)) {
            switch (b.type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, b.der);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(file, Der.rsaPkcs1ToPkcs8(b.der));
                }
                case "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY" -> throw new IOException(file + ": a " + b.type
                        + " is not supported; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
                default -> {
                    // certificates and parameters are skipped
                }
            }
        }
        throw new IOException(file + ": no PEM private key (-----BEGIN PRIVATE KEY-----) in it");
    }

    /**
     * A trust store of the CA certificates in {@code path}: one PEM file (a bundle), or every file of a
     * directory (OpenSSL's CA directory; files without certificates are skipped).
     */
    public static KeyStore trustStore(Path path) throws IOException {
        List<X509Certificate> cas = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    try {
                        cas.addAll(certificates(f));
                    } catch (IOException e) {
                        // not a certificate file (OpenSSL's hash links resolve to the same files)
                    }
                }
            }
            if (cas.isEmpty()) {
                throw new IOException(path + ": no PEM certificate in this directory");
            }
        } else {
            cas.addAll(certificates(path));
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                ks.setCertificateEntry("ca-" + i, cas.get(i));
            }
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw new IOException(file + ": the private key is neither RSA, EC nor EdDSA");
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": a " + m.group(1) + " block is not valid base64", e);
            }
        }
        return out;
    }

    /** Just enough DER to wrap a PKCS#1 RSA key into PKCS#8, which the JDK reads. */
    static final class Der {
        private static final byte[] RSA_ALGORITHM = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

        private Der() {
        }

        static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(VERSION_0);
            body.writeBytes(RSA_ALGORITHM);
            body.writeBytes(tlv(0x04, pkcs1));
            return tlv(0x30, body.toByteArray());
        }

        private static byte[] tlv(int tag, byte[] value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
            out.write(tag);
            int n = value.length;
            if (n < 0x80) {
                out.write(n);
            } else {
                int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
                out.write(0x80 | bytes);
                for (int i = bytes - 1; i >= 0; i--) {
                    out.write(n >>> (8 * i));
                }
            }
            out.writeBytes(value);
            return out.toByteArray();
        }
    }
}
