package org.knut.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Throwaway certificates for TLS tests, made with the {@code openssl} command in a temporary directory:
 * a CA, a server certificate it signed for {@code localhost} and {@code 127.0.0.1}, a client
 * certificate it signed, and a second CA that signed neither (the "wrong CA"). Keys are PKCS#8 PEM as
 * OpenSSL 3 writes them; {@link #serverKeyPkcs1()} is the same server key in the older RSA format.
 */
public final class TestCertificates {
    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    public static TestCertificates create(Path dir) throws IOException {
        Files.createDirectories(dir);
        TestCertificates c = new TestCertificates(dir);
        c.ca("ca", "knut test CA");
        c.ca("other-ca", "some other CA");
        c.signed("server", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        c.signed("client", "knut test client", "extendedKeyUsage=clientAuth\n");
        c.openssl("rsa", "-in", "server.key", "-traditional", "-out", "server-pkcs1.key");
        Files.writeString(c.serverBundle(), Files.readString(c.serverCert()) + Files.readString(c.serverKey()));
        return c;
    }

    public Path dir() {
        return dir;
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path otherCa() {
        return dir.resolve("other-ca.pem");
    }

    public Path serverCert() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path serverKeyPkcs1() {
        return dir.resolve("server-pkcs1.key");
    }

    /** Certificate and key in one file: NUT's CERTFILE. */
    public Path serverBundle() {
        return dir.resolve("server-bundle.pem");
    }

    public Path clientCert() {
        return dir.resolve("client.pem");
    }

    public Path clientKey() {
        return dir.resolve("client.key");
    }

    /**
     * An NSS certificate database (what NUT's NSS build of upsmon wants in CERTPATH) in {@code db}, trusting
     * {@code ca} for servers; needs {@code certutil} (Debian's libnss3-tools).
     */
    public static Path nssDatabase(Path db, Path ca) throws IOException {
        Files.createDirectories(db);
        run(db, List.of("certutil", "-N", "-d", "sql:" + db, "--empty-password"));
        run(db, List.of("certutil", "-A", "-d", "sql:" + db, "-n", "knut-test-ca", "-t", "C,,", "-a", "-i", ca.toString()));
        return db;
    }

    /**
     * An NSS database holding the server certificate and key under the nickname {@code upsd} (no
     * password): what NUT's NSS build of upsd reads with {@code CERTPATH db} and {@code CERTIDENT "upsd" ""}.
     */
    public Path nssServerDatabase(Path db) throws IOException {
        Files.createDirectories(db);
        openssl("pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-name", "upsd", "-passout", "pass:p12",
                "-out", "server.p12");
        run(db, List.of("certutil", "-N", "-d", "sql:" + db, "--empty-password"));
        run(db, List.of("pk12util", "-i", dir.resolve("server.p12").toString(), "-d", "sql:" + db, "-W", "p12", "-K", ""));
        return db;
    }

    /**
     * Debian's real upsd (NSS build) serving no UPS, with STARTTLS on the server certificate: its NSS
     * database, configuration and log go into {@code dir}.
     */
    public RealUpsd realUpsdWithStartTls(Path dir) throws IOException {
        Path db = nssServerDatabase(dir.resolve("nssdb"));
        Path upsConf = Files.writeString(dir.resolve("ups.conf"), "");
        return RealUpsd.start(upsConf, dir, dir.resolve("upsd"), "",
                "ALLOW_NO_DEVICE 1\nCERTPATH " + db + "\nCERTIDENT \"upsd\" \"\"\n");
    }

    private void ca(String name, String cn) throws IOException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".pem",
                "-days", "2", "-subj", "/CN=" + cn, "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void signed(String name, String cn, String extensions) throws IOException {
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-out", name + ".pem", "-extfile", name + ".ext");
    }

    private void openssl(String... args) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add("openssl");
        argv.addAll(List.of(args));
        run(dir, argv);
    }

    private static void run(Path cwd, List<String> argv) throws IOException {
        List<String> shell = List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", cwd.toString());
        List<String> all = new ArrayList<>(shell);
        all.addAll(argv);
        Command.Result r = Command.run(all);
        if (r.exitCode() != 0) {
            throw new IOException(argv + " failed: " + r);
        }
    }
}
