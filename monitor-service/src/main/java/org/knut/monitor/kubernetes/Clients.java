package org.knut.monitor.kubernetes;

import java.time.Duration;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A client like the given one that does not retry failed requests by itself (fabric8 retries 429 and 5xx
 * answers with a growing backoff, up to minutes): the drain and the Lease keep their own deadlines and
 * retry on their own schedule. Lives as long as the monitor.
 */
final class Clients {
    private Clients() {
    }

    /** {@code timeout} null: the given client's request timeout. */
    static KubernetesClient withoutRetries(KubernetesClient client, Duration timeout) {
        ConfigBuilder b = new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0);
        if (timeout != null) {
            b.withRequestTimeout((int) timeout.toMillis()).withConnectionTimeout((int) timeout.toMillis());
        }
        Config config = b.build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
