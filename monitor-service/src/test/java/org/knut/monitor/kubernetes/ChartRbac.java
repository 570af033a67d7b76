package org.knut.monitor.kubernetes;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The monitor's RBAC rules as the Helm chart renders them (k8s/base/knut.yaml, kept identical to the
 * chart by the helm module's tests), applied to API requests the way the API server's authorizer does:
 * verb from the HTTP method, API group, resource and subresource from the path, Role rules only in the
 * Role's namespace. Records which rules were used, so a test can tell that each granted verb is needed.
 */
final class ChartRbac {
    private static final Path MANIFESTS = Path.of("..", "k8s", "base", "knut.yaml");
    private static final Pattern PATH = Pattern.compile(
            "^/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/([^/]+))?/([^/]+)(?:/([^/]+))?(?:/([^/]+))?$");

    record Grant(String group, String resource, String verb, String namespace) {
        @Override
        public String toString() {
            return (group.isEmpty() ? "" : group + "/") + resource + " " + verb + (namespace == null ? "" : " in " + namespace);
        }
    }

    /** One request as the authorizer sees it. */
    record Access(String group, String resource, String verb, String namespace) {
    }

    private final List<Grant> grants = new ArrayList<>();
    private final Set<Grant> used = new LinkedHashSet<>();
    private final List<String> denied = new ArrayList<>();

    /** The rules of the ClusterRole and Role whose names end in {@code -monitor}; the Role applies in {@code namespace}. */
    static ChartRbac load(String namespace) throws IOException {
        ChartRbac rbac = new ChartRbac();
        for (String doc : Files.readString(MANIFESTS).split("(?m)^---\\s*$")) {
            if (doc.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
                continue;
            }
            Object o = Serialization.unmarshal(doc);
            if (o instanceof ClusterRole c && c.getMetadata().getName().endsWith("-monitor")) {
                rbac.add(c.getRules(), null);
            } else if (o instanceof Role r && r.getMetadata().getName().endsWith("-monitor")) {
                rbac.add(r.getRules(), namespace);
            }
        }
        if (rbac.grants.isEmpty()) {
            throw new IllegalStateException("no monitor RBAC in " + MANIFESTS.toAbsolutePath());
        }
        return rbac;
    }

    private void add(List<PolicyRule> rules, String namespace) {
        for (PolicyRule r : rules) {
            for (String g : r.getApiGroups()) {
                for (String res : r.getResources()) {
                    for (String v : r.getVerbs()) {
                        grants.add(new Grant(g, res, v, namespace));
                    }
                }
            }
        }
    }

    /** The request's group, resource (with subresource), verb and namespace; null for non-resource paths. */
    static Access access(String method, String pathAndQuery) {
        URI uri = URI.create(pathAndQuery);
        Matcher m = PATH.matcher(uri.getPath());
        if (!m.matches()) {
            return null;
        }
        String group = m.group(1) == null ? "" : m.group(1);
        String resource = m.group(3);
        String name = m.group(4);
        String sub = m.group(5);
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String verb = switch (method) {
            case "GET" -> name != null ? "get" : query.contains("watch=true") ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name != null ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
        return new Access(group, sub == null ? resource : resource + "/" + sub, verb, m.group(2));
    }

    /** True when a rule allows the request; records the rule used, or the denial. */
    synchronized boolean allows(String method, String path) {
        Access a = access(method, path);
        if (a == null) {
            return true; // discovery and version endpoints are open to every authenticated user
        }
        for (Grant g : grants) {
            if (g.group().equals(a.group()) && g.resource().equals(a.resource()) && g.verb().equals(a.verb())
                    && (g.namespace() == null || g.namespace().equals(a.namespace()))) {
                used.add(g);
                return true;
            }
        }
        denied.add(method + " " + path + " (" + a + ")");
        return false;
    }

    synchronized List<String> denied() {
        return List.copyOf(denied);
    }

    synchronized Set<Grant> unused() {
        Set<Grant> out = new LinkedHashSet<>(grants);
        out.removeAll(used);
        return out;
    }
}
