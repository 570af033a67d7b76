package org.knut.monitor.engine;

import org.knut.core.config.UpsmonConf.Monitor;

/** Makes the link for a MONITOR line; the bare-host monitor uses {@link NutUpsLink}. */
@FunctionalInterface
public interface UpsLinkFactory {
    UpsLink create(Monitor monitor);
}
