package org.knut.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Every image the chart runs is built by a Dockerfile of the module it names, exposing the ports it uses. */
class ImagesTest {
    private static final Path ROOT = Chart.DIR.getParent().getParent();

    @Test
    void everyImageHasADockerfileExposingItsPorts() throws Exception {
        for (HasMetadata o : Chart.render(Chart.DIR.resolve("examples/snmp-two-nodes-usb-one.yaml"))) {
            PodTemplateSpec t = o instanceof Deployment d ? d.getSpec().getTemplate()
                    : o instanceof DaemonSet s ? s.getSpec().getTemplate() : null;
            if (t == null) {
                continue;
            }
            for (Container c : t.getSpec().getContainers()) {
                String image = c.getImage();
                assertTrue(image.startsWith("ghcr.io/knut-ups/"), image);
                String service = image.substring(image.lastIndexOf('/') + 1, image.lastIndexOf(':'));
                Path dockerfile = ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
                assertTrue(Files.isRegularFile(dockerfile), "no Dockerfile for " + image + ": " + dockerfile);
                Set<String> exposed = new HashSet<>();
                for (String line : Files.readAllLines(dockerfile)) {
                    if (line.startsWith("EXPOSE ")) {
                        exposed.addAll(Arrays.asList(line.substring(7).trim().split("\\s+")));
                    }
                }
                for (ContainerPort p : c.getPorts()) {
                    boolean defaultPort = exposed.contains(Integer.toString(p.getContainerPort()));
                    // a driver's socket port is the base port plus its place in ups.conf
                    boolean driverSocket = p.getName().equals("driver-socket") && exposed.contains("3494");
                    assertTrue(defaultPort || driverSocket, service + " does not EXPOSE " + p.getContainerPort());
                }
            }
        }
    }

    /**
     * A native Dockerfile builds its module with the module's own {@code native} profile, which turns
     * Quarkus's native build on, and copies the executable that build writes; the docs say which
     * services have one.
     */
    @Test
    void nativeDockerfilesBuildWithTheirModulesNativeProfile() throws Exception {
        String docs = Files.readString(ROOT.resolve("docs/kubernetes.md"));
        List<Path> dockerfiles;
        try (var s = Files.list(ROOT)) {
            dockerfiles = s.map(m -> m.resolve("src/main/docker/Dockerfile.native")).filter(Files::isRegularFile).toList();
        }
        assertFalse(dockerfiles.isEmpty());
        for (Path dockerfile : dockerfiles) {
            String module = ROOT.relativize(dockerfile).getName(0).toString();
            String text = Files.readString(dockerfile);
            assertTrue(text.lines().anyMatch(l -> l.startsWith("RUN ") && l.contains("mvn ") && l.contains(" -pl " + module + " ")
                    && l.contains(" package ") && l.contains(" -Pnative")), dockerfile + " builds with -Pnative");
            assertTrue(text.contains("/src/" + module + "/target/*-runner "), dockerfile + " copies the native executable");
            assertEquals("true", nativeProfileProperty(ROOT.resolve(module).resolve("pom.xml"), "quarkus.native.enabled"), module);
            assertEquals("false", nativeProfileProperty(ROOT.resolve(module).resolve("pom.xml"), "quarkus.package.jar.enabled"), module);
            assertTrue(docs.contains("`" + ROOT.relativize(dockerfile) + "`"), "docs/kubernetes.md names " + dockerfile);
        }
    }

    private static String nativeProfileProperty(Path pom, String name) throws Exception {
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        var profiles = doc.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            var profile = (org.w3c.dom.Element) profiles.item(i);
            if (profile.getElementsByTagName("id").item(0).getTextContent().equals("native")) {
                var property = profile.getElementsByTagName(name);
                return property.getLength() == 0 ? null : property.item(0).getTextContent().trim();
            }
        }
        throw new AssertionError(pom + " has no native profile");
    }
}
