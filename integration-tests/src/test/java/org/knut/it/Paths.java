package org.knut.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository, the packaged services and the shared test material are. */
final class Paths {
    private Paths() {
    }

    /** The repository root (tests run in integration-tests/). */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("knut")) ? here : here.getParent();
    }

    static Path driverJar() {
        return packaged("driver-service/target/quarkus-app/quarkus-run.jar");
    }

    static Path upsdJar() {
        return packaged("upsd-service/target/quarkus-app/quarkus-run.jar");
    }

    static Path monitorJar() {
        return packaged("monitor-service/target/quarkus-app/quarkus-run.jar");
    }

    static Path adminJar() {
        return packaged("admin-ui/target/quarkus-app/quarkus-run.jar");
    }

    static Path cliJar() {
        return packaged("cli/target/knut-cli.jar");
    }

    private static Path packaged(String rel) {
        Path p = root().resolve(rel);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: run the tests with `./knut test` (mvn verify), which packages it");
        }
        return p;
    }

    /** ../shared beside the repository: peers, test data. */
    static Path shared() {
        return root().getParent().resolve("shared");
    }

    static Path nutDdl() {
        return shared().resolve("testdata/nut-ddl");
    }

    static Path sandboxScript() {
        return shared().resolve("peers/nut-sandbox");
    }
}
