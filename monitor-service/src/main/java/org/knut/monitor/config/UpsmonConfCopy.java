package org.knut.monitor.config;

import java.util.List;

import org.knut.core.config.UpsmonConf;
import org.knut.core.config.UpsmonConf.Monitor;

/** upsmon.conf as read, with other MONITOR lines or another SHUTDOWNEXIT. */
public final class UpsmonConfCopy {
    private UpsmonConfCopy() {
    }

    public static UpsmonConf with(UpsmonConf c, List<Monitor> monitors, int shutdownExit) {
        return new UpsmonConf(monitors, c.minSupplies(), c.timings(), c.alarmCritical(), c.shutdownCmd(), shutdownExit,
                c.powerDownFlag(), c.notifications(), c.tls(), c.runAsUser(), c.debugMin(), c.pollFailLogThrottleMax());
    }
}
