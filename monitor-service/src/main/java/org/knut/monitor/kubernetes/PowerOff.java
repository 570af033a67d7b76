package org.knut.monitor.kubernetes;

/**
 * How a DaemonSet pod powers its host off. The command enters PID 1's namespaces (mount, UTS, IPC,
 * network, PID: the pod needs {@code hostPID: true} and a privileged container) so the host's own
 * busctl and systemctl run against the host's D-Bus and systemd, and asks systemd-logind to power off.
 * logind sends PrepareForShutdown and honours delay inhibitors, which is what the kubelet's graceful
 * node shutdown waits on; {@code systemctl poweroff} is the fallback when busctl is missing.
 */
public final class PowerOff {
    static final String NSENTER = "nsenter -t 1 -m -u -i -n -p -- ";

    public static final String DEFAULT = NSENTER
            + "busctl call org.freedesktop.login1 /org/freedesktop/login1 org.freedesktop.login1.Manager PowerOff b false || "
            + NSENTER + "systemctl poweroff";

    private PowerOff() {
    }
}
