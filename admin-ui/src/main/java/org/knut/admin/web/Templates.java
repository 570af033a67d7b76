package org.knut.admin.web;

import java.util.List;

import org.knut.admin.upsd.InstantCommand;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages (src/main/resources/templates), checked against these parameters at build time. */
@CheckedTemplate
public class Templates {
    public static native TemplateInstance overview(List<UpsView> upses, String hostsFile, Page page);

    public static native TemplateInstance overview$card(UpsView ups);

    public static native TemplateInstance ups(UpsView ups, List<Chart> charts, List<EventView> events,
            List<VariableGroup> groups, Page page);

    public static native TemplateInstance ups$live(UpsView ups, List<Chart> charts, List<EventView> events);

    public static native TemplateInstance gauge(Gauge gauge);

    public static native TemplateInstance settings(UpsView ups, List<WritableView> writables, Notice notice, Page page);

    public static native TemplateInstance commands(UpsView ups, List<InstantCommand> commands, List<Sessions.Change> changes,
            Notice notice, Page page);

    public static native TemplateInstance confirm(UpsView ups, InstantCommand command, String parameter, Page page);

    public static native TemplateInstance result(UpsView ups, ResultView result, Page page);

    public static native TemplateInstance login(String next, String username, Notice notice, Page page);

    public static native TemplateInstance error(Notice notice, Page page);
}
