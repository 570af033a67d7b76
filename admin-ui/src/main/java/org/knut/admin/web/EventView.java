package org.knut.admin.web;

import java.time.ZoneId;
import java.util.List;

import org.knut.admin.fleet.EventLog;

/** An event of the UPS page, with its time as people and machines read it. */
public record EventView(String time, String iso, String text, String css) {
    static List<EventView> of(List<EventLog.Entry> entries, ZoneId zone) {
        return entries.stream()
                .map(e -> new EventView(UpsView.TIME.format(e.time().atZone(zone)), e.time().toString(), e.text(), e.css()))
                .toList();
    }
}
