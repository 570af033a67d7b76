package org.knut.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The chart in helm/knut, rendered and linted by real Helm, its output parsed by fabric8's model. */
final class Chart {
    static final Path DIR = locate();

    static {
        ApiServerStub.start();
    }
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

    /** Rendered with values given as the text of a values file, as a user would write them. */
    static String template(String valuesYaml) {
        return withTempDir(dir -> {
            Path values = Files.writeString(dir.resolve("values.yaml"), valuesYaml);
            return template(values, Map.of());
        });
    }

    /** The NOTES.txt Helm prints after an install (a client-only dry run, which renders them). */
    static String notes(Path valuesFile, Map<String, Object> sets) {
        InstallCommand i = new Helm(DIR).install().withName(RELEASE).withNamespace(NAMESPACE).clientOnly().dryRun();
        if (valuesFile != null) {
            i = i.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            i = i.set(e.getKey(), e.getValue());
        }
        String out = i.call().getOutput();
        int at = out.indexOf("NOTES:\n");
        if (at < 0) {
            throw new AssertionError("no NOTES in:\n" + out);
        }
        return out.substring(at + "NOTES:\n".length());
    }

    /**
     * The objects of templates/tests (the {@code helm test} hooks), rendered by Helm. Helm's template
     * leaves hooks out of its output, so this renders a copy of the chart in which their
     * {@code helm.sh/hook*} annotations are renamed {@code HOOK_MARK*}: the hooks become plain
     * objects, still marked as what they were.
     */
    static List<HasMetadata> renderTests(Path valuesFile) {
        return withTempDir(dir -> {
            Path copy = dir.resolve("knut");
            try (var files = Files.walk(DIR)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path to = copy.resolve(DIR.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else if (p.startsWith(DIR.resolve("templates/tests"))) {
                        Files.writeString(to, Files.readString(p).replace("helm.sh/hook", HOOK_MARK));
                    } else if (p.startsWith(DIR.resolve("templates"))) {
                        Files.copy(p, to);
                    } else if (p.getParent().equals(DIR)) {
                        Files.copy(p, to);
                    }
                }
            }
            TemplateCommand t = new Helm(copy).template().withName(RELEASE).withNamespace(NAMESPACE);
            if (valuesFile != null) {
                t = t.withValuesFile(valuesFile);
            }
            return parse(t.call()).stream().filter(o -> o.getMetadata().getAnnotations() != null
                    && o.getMetadata().getAnnotations().containsKey(HOOK_MARK)).toList();
        });
    }

    static final String HOOK_MARK = "test.knut.io/hook";

    private interface InDir<T> {
        T apply(Path dir) throws IOException;
    }

    private static <T> T withTempDir(InDir<T> work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("knut-chart");
            return work.apply(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
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
