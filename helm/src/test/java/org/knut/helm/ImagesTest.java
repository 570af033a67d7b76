package org.knut.helm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
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
}
