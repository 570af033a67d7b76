package org.knut.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;

/** The {@code helm test} Pod (a hook, which Helm's template leaves out: see {@link Chart#renderTests}). */
class HelmTestPodTest {
    @ParameterizedTest
    @MethodSource("org.knut.helm.RenderedManifestsTest#renderings")
    void theTestPodRunsUpscForEveryUpsAgainstTheUpsdService(Path values) throws Exception {
        List<HasMetadata> hooks = Chart.renderTests(values);
        assertEquals(1, hooks.size(), hooks.toString());
        Pod pod = (Pod) hooks.get(0);
        assertEquals("test", pod.getMetadata().getAnnotations().get(Chart.HOOK_MARK), "a helm test hook");
        assertEquals("Never", pod.getSpec().getRestartPolicy());

        List<HasMetadata> objects = Chart.render(values);
        Service upsd = objects.stream().filter(o -> o instanceof Service && o.getMetadata().getName().endsWith("-upsd"))
                .map(Service.class::cast).findFirst().orElseThrow();
        int nut = upsd.getSpec().getPorts().stream().filter(p -> p.getName().equals("nut")).findFirst().orElseThrow().getPort();
        String target = upsd.getMetadata().getName() + "." + Chart.NAMESPACE + ".svc:" + nut;
        List<String> expected = upses(objects).stream().map(u -> "upsc " + u + "@" + target + " ups.status").toList();

        Container c = pod.getSpec().getContainers().get(0);
        assertEquals(List.of("sh", "-ec"), c.getCommand(), "the script stops at the first upsc that fails");
        List<String> script = c.getArgs().get(0).lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        assertEquals(expected, script);

        // the image with upsc in it, built by the cli module's Dockerfile
        assertTrue(c.getImage().matches("ghcr\\.io/knut-ups/cli:.+"), c.getImage());
        assertTrue(Files.isRegularFile(Chart.DIR.getParent().getParent().resolve("cli/src/main/docker/Dockerfile.jvm")));

        assertNotNull(c.getResources().getRequests().get("memory"));
        assertNotNull(c.getResources().getLimits().get("memory"));
        var sc = c.getSecurityContext();
        assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop());
        assertFalse(Boolean.TRUE.equals(sc.getPrivileged()));
        assertEquals(Boolean.TRUE, pod.getSpec().getSecurityContext().getRunAsNonRoot());
    }

    /** The UPS names, in ups.conf's order. */
    static List<String> upses(List<HasMetadata> objects) {
        String conf = objects.stream().filter(o -> o instanceof ConfigMap m && m.getData().containsKey("ups.conf"))
                .map(o -> ((ConfigMap) o).getData().get("ups.conf")).findFirst().orElseThrow();
        return conf.lines().map(String::trim).filter(l -> l.startsWith("[")).map(l -> l.substring(1, l.length() - 1)).toList();
    }
}
