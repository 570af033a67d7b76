package org.knut.helm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The chart in helm/knut, rendered and linted by real Helm, its output parsed by fabric8's model. */
final class Chart {
    static final Path DIR = locate();
    static final String RELEASE = "knut";
    static final String NAMESPACE = "ups";

    private Chart() {
    }

    private static Path locate() {
        for (Path p : List.of(Path.of("knut"), Path.of("helm/knut"))) {
            if (Files.isRegularFile(p.resolve("Chart.yaml"))) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("helm/knut not found from " + Path.of("").toAbsolutePath());
    }

    static LintResult lint() {
        return new Helm(DIR).lint().strict().call();
    }

    /** The rendered text for a values file (null for the defaults) plus --set values. */
    static String template(Path valuesFile, Map<String, Object> sets) {
        TemplateCommand t = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            t = t.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            t = t.set(e.getKey(), e.getValue());
        }
        return t.call();
    }

    /** Every object of a rendered text, parsed as the API object its kind says. */
    static List<HasMetadata> parse(String rendered) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : rendered.split("(?m)^---\\s*$")) {
            if (doc.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
                continue;
            }
            Object o = Serialization.unmarshal(doc);
            if (!(o instanceof HasMetadata h)) {
                throw new AssertionError("not a Kubernetes object:\n" + doc);
            }
            out.add(h);
        }
        return out;
    }

    static List<HasMetadata> render(Path valuesFile) {
        return parse(template(valuesFile, Map.of()));
    }

    static List<Path> examples() throws java.io.IOException {
        try (var s = Files.list(DIR.resolve("examples"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
