package org.knut.upsd.metrics;

import java.util.List;

import org.knut.upsd.Upsd;
import org.knut.upsd.UpsdService;

import io.micrometer.core.instrument.Gauge;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.Collector;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Puts the UPS metrics of every served UPS (with a {@code ups} label) on {@code /q/metrics}, beside
 * the JVM and HTTP metrics Micrometer keeps: a collector on the Prometheus registry, read at scrape time.
 */
@ApplicationScoped
public class NutMetricsCollector extends Collector {
    @Inject
    UpsdService service;

    @Inject
    PrometheusMeterRegistry registry;

    void register(@Observes StartupEvent event) {
        register(registry.getPrometheusRegistry());
        Gauge.builder("knut.upsd.clients", service, s -> s.running().map(Upsd::clients).orElse(0))
                .description("NUT protocol connections open now").register(registry);
        Gauge.builder("knut.upsd.event.subscribers", service, s -> s.running().map(u -> u.events().subscribers()).orElse(0))
                .description("REST event stream subscribers now").register(registry);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return service.running()
                .map(u -> new NutMetrics(u.descriptions()).collect(u.registry().all(), NutMetrics.Options.ALL_UPSES))
                .orElse(List.of());
    }
}
