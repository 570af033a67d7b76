package org.knut.monitor.kubernetes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;
import org.knut.core.config.UpsmonConf.NotifyType;
import org.knut.monitor.notify.Notification;
import org.knut.monitor.notify.NotificationSink;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Kubernetes Events about this node, so {@code kubectl describe node} and {@code kubectl get events} show
 * the power situation: every upsmon notification (reason = NUT's notify type: ONBATT, LOWBATT, FSD...)
 * and the start of a power-fail shutdown. Notifications are posted from a thread of their own so a slow
 * API server never delays a poll.
 */
public final class NodeEvents implements NotificationSink, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NodeEvents.class);
    static final String COMPONENT = "knut-monitor";
    public static final String SHUTDOWN_REASON = "PowerFailShutdown";
    /** The API server refuses longer Event messages. */
    private static final int MAX_MESSAGE = 1024;
    private static final Set<NotifyType> NORMAL = Set.of(NotifyType.ONLINE, NotifyType.COMMOK);

    private final KubernetesClient client;
    private final String namespace;
    private final String node;
    private final String nodeUid;
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService poster = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kubernetes-events");
        t.setDaemon(true);
        return t;
    });

    public NodeEvents(KubernetesClient client, String namespace, String node, String nodeUid) {
        this.client = client;
        this.namespace = namespace;
        this.node = node;
        this.nodeUid = nodeUid;
    }

    @Override
    public void deliver(Notification n) {
        boolean normal = NORMAL.contains(n.type()) || n.type().name().startsWith("NOT");
        try {
            poster.execute(() -> record(normal ? "Normal" : "Warning", n.type().name(), n.message()));
        } catch (RejectedExecutionException e) {
            LOG.debugf("event %s after close: not recorded", n.type());
        }
    }

    /** Records an Event on the node now; false (and logged) when the API server refused it. */
    public boolean record(String type, String reason, String message) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..." : message;
        Event e = new EventBuilder()
                .withNewMetadata().withNamespace(namespace)
                .withName(node + "." + Long.toHexString(System.currentTimeMillis() * 1000 + sequence.incrementAndGet() % 1000))
                .endMetadata()
                .withNewInvolvedObject().withApiVersion("v1").withKind("Node").withName(node).withUid(nodeUid).endInvolvedObject()
                .withType(type).withReason(reason).withMessage(text)
                .withNewSource().withComponent(COMPONENT).withHost(node).endSource()
                .withReportingComponent(COMPONENT).withReportingInstance(node)
                .withFirstTimestamp(now.toString()).withLastTimestamp(now.toString()).withCount(1)
                .build();
        try {
            client.v1().events().inNamespace(namespace).resource(e).create();
            return true;
        } catch (KubernetesClientException ex) {
            LOG.warnf("Kubernetes Event %s on node %s not recorded (%d): %s", reason, node, ex.getCode(), ex.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        poster.shutdown();
    }
}
