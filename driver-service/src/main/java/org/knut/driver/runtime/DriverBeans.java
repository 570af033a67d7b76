package org.knut.driver.runtime;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.knut.driver.config.DriverSettings;
import org.knut.driver.sock.TcpLinkSecurity;
import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverRegistry;

/** CDI producers: the driver registry from every {@link DriverFactory} bean, and the service settings. */
@ApplicationScoped
public class DriverBeans {

    @Produces
    @Singleton
    DriverRegistry registry(@Any Instance<DriverFactory> factories) {
        return new DriverRegistry(factories);
    }

    @Produces
    @Singleton
    DriverSettings settings(Config config) {
        Optional<Integer> port = config.getOptionalValue("knut.driver.tcp.port", Integer.class);
        return new DriverSettings(
                config.getOptionalValue("knut.conf-path", String.class),
                config.getOptionalValue("knut.state-path", String.class),
                config.getOptionalValues("knut.driver.ups", String.class).map(List::copyOf),
                port.map(OptionalInt::of).orElse(OptionalInt.empty()),
                config.getOptionalValue("knut.driver.tcp.host", String.class).orElse(DriverSettings.DEFAULT_TCP_HOST),
                config.getOptionalValue("knut.driver.socket.max-pending-bytes", Integer.class)
                        .orElse(DriverSettings.DEFAULT_MAX_PENDING_BYTES),
                TcpLinkSecurity.load(key -> config.getOptionalValue(key, String.class)));
    }
}
