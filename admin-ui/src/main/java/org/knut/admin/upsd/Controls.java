package org.knut.admin.upsd;

import java.util.List;

/** What can be changed on a UPS: its writable variables and its instant commands. */
public record Controls(List<Writable> writables, List<InstantCommand> commands) {
    public Controls {
        writables = List.copyOf(writables);
        commands = List.copyOf(commands);
    }
}
