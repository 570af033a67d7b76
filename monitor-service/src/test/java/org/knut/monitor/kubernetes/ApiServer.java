package org.knut.monitor.kubernetes;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * fabric8's mock API server in CRUD mode, on 127.0.0.1 and a free port, taught the Eviction API the way
 * the real API server answers it: 201 and the pod deleted, or 429 TooManyRequests while a
 * PodDisruptionBudget refuses (here: the next N evictions of a pod, as the test says). Evictions are
 * recorded in the order they arrive.
 */
final class ApiServer implements AutoCloseable {
    private static final String CLIENT_HEADER = "X-Knut-Test-Client";
    private static final Pattern EVICTION = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/eviction");

    private final Dispatcher dispatcher = new Dispatcher();
    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher,
            false);

    ApiServer() throws IOException {
        server.init(InetAddress.getByName("127.0.0.1"), 0);
    }

    KubernetesClient client() {
        return server.createClient();
    }

    /** A client whose requests carry its name, so {@link #partition} can cut it off. */
    KubernetesClient client(String name) {
        try (KubernetesClient base = server.createClient()) {
            return new KubernetesClientBuilder().withConfig(new ConfigBuilder(base.getConfiguration())
                    .withCustomHeaders(Map.of(CLIENT_HEADER, name)).build()).build();
        }
    }

    /** From now on every request is authorised by {@code rbac}, and refused with 403 as the API server does. */
    void enforce(ChartRbac rbac) {
        dispatcher.rbac = rbac;
    }

    /** From now on the named client's requests get 503, as from an API server it cannot reach. */
    void partition(String name) {
        dispatcher.partitioned.add(name);
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** The next {@code times} evictions of ns/name get 429, as a PodDisruptionBudget with no disruption allowed answers. */
    void refuseEvictions(String key, int times) {
        dispatcher.refusals.put(key, new AtomicInteger(times));
    }

    /** Every eviction asked for, {@code ns/name}, in order; refused ones included. */
    List<String> evictionRequests() {
        synchronized (dispatcher.requests) {
            return List.copyOf(dispatcher.requests);
        }
    }

    /** Evictions the server accepted, in order. */
    List<String> evictions() {
        synchronized (dispatcher.accepted) {
            return List.copyOf(dispatcher.accepted);
        }
    }

    private static final class Dispatcher extends KubernetesCrudDispatcher {
        final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        final List<String> requests = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        final java.util.Set<String> partitioned = ConcurrentHashMap.newKeySet();
        volatile ChartRbac rbac;

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            ChartRbac r = rbac;
            if (r != null && !r.allows(request.getMethod(), request.getPath())) {
                return status(403, "Forbidden", "RBAC: " + request.getMethod() + " " + request.getPath() + " is not granted");
            }
            String client = request.getHeader(CLIENT_HEADER);
            if (client != null && partitioned.contains(client)) {
                return status(503, "ServiceUnavailable", "partitioned by the test");
            }
            Matcher m = EVICTION.matcher(request.getPath());
            if ("GET".equals(request.getMethod()) && request.getPath().contains("fieldSelector=spec.nodeName")) {
                // the CRUD mock knows no spec.nodeName selector: it lists every pod, and the client keeps its node's
                return handleGet(request.getPath().replaceAll("fieldSelector=spec.nodeName[^&]*&?", ""));
            }
            if (!"POST".equals(request.getMethod()) || !m.matches()) {
                return super.dispatch(request);
            }
            String key = m.group(1) + "/" + m.group(2);
            synchronized (requests) {
                requests.add(key);
            }
            AtomicInteger left = refusals.get(key);
            if (left != null && left.getAndDecrement() > 0) {
                return status(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.");
            }
            MockResponse deleted = handleDelete("/api/v1/namespaces/" + m.group(1) + "/pods/" + m.group(2));
            if (deleted.getStatus().contains(" 404")) {
                return status(404, "NotFound", "pods \"" + m.group(2) + "\" not found");
            }
            synchronized (accepted) {
                accepted.add(key);
            }
            return status(201, "", "");
        }

        private static MockResponse status(int code, String reason, String message) {
            String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"" + (code < 300 ? "Success" : "Failure")
                    + "\",\"code\":" + code + ",\"reason\":\"" + reason + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}";
            return new MockResponse().setResponseCode(code).setBody(body).addHeader("Content-Type", "application/json");
        }
    }

    static Node node(String name, Map<String, String> labels, Map<String, String> annotations) {
        return new NodeBuilder().withNewMetadata().withName(name).withUid("uid-" + name).withLabels(labels).withAnnotations(annotations)
                .endMetadata().build();
    }

    static Pod pod(String ns, String name, String node, Integer priority) {
        return new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).withUid("uid-" + ns + "-" + name).endMetadata()
                .withNewSpec().withNodeName(node).withPriority(priority).withTerminationGracePeriodSeconds(10L).endSpec()
                .withNewStatus().withPhase("Running").endStatus().build();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
