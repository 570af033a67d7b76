package org.knut.helm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The little of a Kubernetes API server that the chart's {@code lookup} of its users Secret asks for:
 * the core group's discovery and GET of a Secret (404 unless {@link #putSecret} made it exist).
 * helm-java's template lets {@code lookup} reach the cluster of $KUBECONFIG (the module's pom points
 * that at the file {@link #start} writes), so without it every rendering would fail to connect.
 */
final class ApiServerStub {
    private static final String RESOURCES = """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
            {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""";
    private static final String NOT_FOUND = """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","reason":"NotFound","code":404}""";

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static boolean started;

    private ApiServerStub() {
    }

    /** Serves on a free loopback port and writes the kubeconfig $KUBECONFIG names (once per JVM). */
    static synchronized void start() {
        if (started) {
            return;
        }
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig == null) {
            throw new IllegalStateException("KUBECONFIG is not set: run through Maven (helm/pom.xml sets it)");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", ApiServerStub::answer);
            server.start();
            Files.writeString(Path.of(kubeconfig), """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: stub, cluster: {server: "http://127.0.0.1:%d"}}]
                    users: [{name: stub, user: {}}]
                    contexts: [{name: stub, context: {cluster: stub, user: stub}}]
                    current-context: stub
                    """.formatted(server.getAddress().getPort()));
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a Secret exist in the stub cluster, with its data given in plain text. */
    static void putSecret(String namespace, String name, Map<String, String> data) {
        StringBuilder json = new StringBuilder();
        data.forEach((k, v) -> json.append(json.isEmpty() ? "" : ",").append('"').append(k).append("\":\"")
                .append(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))).append('"'));
        SECRETS.put(path(namespace, name), """
                {"kind":"Secret","apiVersion":"v1","metadata":{"name":"%s","namespace":"%s"},"type":"Opaque","data":{%s}}"""
                .formatted(name, namespace, json));
    }

    static void removeSecret(String namespace, String name) {
        SECRETS.remove(path(namespace, name));
    }

    private static String path(String namespace, String name) {
        return "/api/v1/namespaces/" + namespace + "/secrets/" + name;
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = path.equals("/api/v1") ? RESOURCES : SECRETS.get(path);
        int status = body == null ? 404 : 200;
        byte[] bytes = (body == null ? NOT_FOUND : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
