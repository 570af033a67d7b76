package org.knut.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knut.core.client.UpsId;

/**
 * NUT's {@code hosts.conf}, the list of UPSes the CGI programs (upsstats, upsimage, upsset) may show
 * and control: {@code MONITOR <ups>[@host[:port]] "<description>"}. The CGI template directives
 * {@code CUSTOM_TEMPLATE_LIST} and {@code CUSTOM_TEMPLATE_SINGLE} are accepted and have no effect (knut
 * renders its own pages). Directives are case-sensitive, as in NUT. Unlike NUT's CGI programs, which
 * skip lines they cannot use, every malformed line is an error naming the file and line.
 */
public record HostsConf(List<Monitor> monitors) {
    public HostsConf {
        monitors = List.copyOf(monitors);
    }

    /**
     * One {@code MONITOR} line.
     *
     * @param system      the UPS as written, e.g. {@code demo@localhost:3493}: its key in the admin UI
     * @param description the second argument, shown beside the UPS
     */
    public record Monitor(String system, UpsId id, String description, int line) {
    }

    public static HostsConf read(Path file) throws ConfigException {
        return of(ConfigReader.read(file));
    }

    public static HostsConf parse(String name, String text) throws ConfigException {
        return of(ConfigReader.parse(name, text));
    }

    public static HostsConf of(List<ConfigLine> lines) throws ConfigException {
        List<Monitor> monitors = new ArrayList<>();
        for (ConfigLine l : lines) {
            switch (l.first()) {
                case "MONITOR" -> monitors.add(monitor(l, monitors));
                case "CUSTOM_TEMPLATE_LIST", "CUSTOM_TEMPLATE_SINGLE" -> {
                    if (l.size() != 2) {
                        throw l.error(l.first() + " takes one file name");
                    }
                }
                default -> throw l.error("unknown hosts.conf directive '" + l.first()
                        + "' (MONITOR, CUSTOM_TEMPLATE_LIST or CUSTOM_TEMPLATE_SINGLE)");
            }
        }
        return new HostsConf(monitors);
    }

    private static Monitor monitor(ConfigLine l, List<Monitor> earlier) throws ConfigException {
        if (l.size() != 3) {
            throw l.error("MONITOR takes <ups>[@host[:port]] \"<description>\" (quote a description with spaces)");
        }
        String system = l.tokens().get(1);
        UpsId id;
        try {
            id = UpsId.parse(system);
        } catch (IllegalArgumentException e) {
            throw l.error("MONITOR: bad UPS identifier '" + system + "': " + e.getMessage());
        }
        for (Monitor m : earlier) {
            if (m.system().equals(system)) {
                throw l.error("MONITOR: UPS " + system + " is already listed (line " + m.line() + ")");
            }
        }
        return new Monitor(system, id, l.tokens().get(2), l.line());
    }
}
