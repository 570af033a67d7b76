package org.knut.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * k8s/ is the chart for people without Helm: base/knut.yaml is the chart rendered from
 * k8s/chart-values.yaml, and stays identical to it (run with -Dknut.k8s.write=true to regenerate);
 * the overlays only point at files and objects that exist.
 */
class PlainManifestsTest {
    private static final Path K8S = Chart.DIR.getParent().getParent().resolve("k8s");
    private static final String HEADER = "# Generated from helm/knut with k8s/chart-values.yaml; do not edit (see k8s/README.md)\n";

    @Test
    void baseIsTheRenderedChart() throws Exception {
        String rendered = HEADER + Chart.template(K8S.resolve("chart-values.yaml"), Map.of());
        Path base = K8S.resolve("base/knut.yaml");
        if (Boolean.getBoolean("knut.k8s.write")) {
            Files.writeString(base, rendered);
        }
        assertEquals(rendered, Files.readString(base), "k8s/base/knut.yaml is out of date: mvn -pl helm test -Dknut.k8s.write=true");
    }

    @Test
    void overlaysPatchObjectsOfTheBase() throws Exception {
        List<HasMetadata> base = Chart.parse(Files.readString(K8S.resolve("base/knut.yaml")));
        for (String overlay : List.of("dry-run", "own-users")) {
            Path dir = K8S.resolve("overlays").resolve(overlay);
            Map<String, Object> k = Serialization.unmarshal(Files.readString(dir.resolve("kustomization.yaml")), Map.class);
            assertEquals(List.of("../../base"), k.get("resources"), overlay);
            for (Object p : (List<?>) k.getOrDefault("patches", List.of())) {
                Map<?, ?> patch = (Map<?, ?>) p;
                assertTrue(Files.isRegularFile(dir.resolve((String) patch.get("path"))), overlay + ": " + patch);
                Map<?, ?> target = (Map<?, ?>) patch.get("target");
                HasMetadata object = base.stream().filter(o -> o.getKind().equals(target.get("kind"))
                        && o.getMetadata().getName().equals(target.get("name"))).findFirst()
                        .orElseThrow(() -> new AssertionError(overlay + " patches a missing object: " + target));
                checkTests(overlay, object, Files.readString(dir.resolve((String) patch.get("path"))));
            }
            for (Object g : (List<?>) k.getOrDefault("secretGenerator", List.of())) {
                Map<?, ?> gen = (Map<?, ?>) g;
                assertTrue(base.stream().anyMatch(o -> o.getKind().equals("Secret") && o.getMetadata().getName().equals(gen.get("name"))),
                        overlay + " replaces a missing Secret: " + gen.get("name"));
                for (Object env : (List<?>) gen.get("envs")) {
                    assertTrue(Files.isRegularFile(dir.resolve(env + ".example")), overlay + ": " + env + ".example");
                }
            }
        }
    }

    /** The JSON patch's {@code test} operations hold on the base object, so its indexes point where they mean. */
    private static void checkTests(String overlay, HasMetadata object, String patchYaml) {
        com.fasterxml.jackson.databind.JsonNode tree = Serialization.jsonMapper().valueToTree(object);
        for (Object op : Serialization.unmarshal(patchYaml, List.class)) {
            Map<?, ?> o = (Map<?, ?>) op;
            if ("test".equals(o.get("op"))) {
                assertEquals(String.valueOf(o.get("value")), tree.at((String) o.get("path")).asText(), overlay + ": " + o);
            }
        }
    }
}
