package org.knut.upsd.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knut.core.model.Range;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.core.model.Variable;
import org.knut.upsd.config.Descriptions;
import org.knut.upsd.state.ServedUps;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the REST API shows of a UPS, built from what its driver published (FSD latch included). */
public final class UpsViews {
    private UpsViews() {
    }

    /**
     * One line of {@code GET /api/v1/ups}.
     *
     * @param state {@code OK}, {@code WAIT} (dump not complete), or the NUT error a client would get
     *              ({@code DRIVER-NOT-CONNECTED}, {@code DATA-STALE})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String name, String description, String state, String status, List<String> flags,
            int numLogins) {
    }

    /** {@code GET /api/v1/ups/{name}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String name, String description, String state, String status, List<String> flags,
            boolean fsd, int numLogins, Map<String, String> variables, List<Writable> rw, List<Command> commands) {
    }

    /**
     * A writable variable with what a new value must satisfy.
     *
     * @param type      {@code STRING} or {@code NUMBER}
     * @param maxLength for strings, the longest value the driver takes
     * @param nutType   the words of NUT's {@code GET TYPE} reply
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Writable(String name, String value, String description, String type, Integer maxLength,
            List<String> enums, List<Range> ranges, String nutType) {
    }

    public record Command(String name, String description) {
    }

    static Summary summary(ServedUps u) {
        String status = u.ready() ? u.currentStatus() : null;
        return new Summary(u.name(), u.desc(), u.condition(), status, flags(status), u.numLogins());
    }

    static Detail detail(ServedUps u, Descriptions descriptions) {
        UpsState s = u.state();
        Map<String, String> variables = new LinkedHashMap<>();
        List<Writable> rw = new ArrayList<>();
        for (Variable v : s.variables()) {
            String value = u.servedValue(v);
            variables.put(v.name(), value);
            if (v.writable()) {
                boolean string = v.flags().contains(VarFlag.STRING);
                rw.add(new Writable(v.name(), value, descriptions.variable(v.name()), string ? "STRING" : "NUMBER",
                        string ? v.aux() : null, v.enums().isEmpty() ? null : v.enums(),
                        v.ranges().isEmpty() ? null : v.ranges(), v.typeWords()));
            }
        }
        List<Command> commands = new ArrayList<>();
        for (String c : s.commands()) {
            commands.add(new Command(c, descriptions.command(c)));
        }
        String status = u.currentStatus();
        List<String> flags = flags(status);
        // FSD as served: latched here, or republished by the driver after another replica took it
        boolean fsd = flags != null && flags.contains("FSD");
        return new Detail(u.name(), u.desc(), u.condition(), status, flags, fsd, u.numLogins(), variables, rw,
                commands);
    }

    static List<String> flags(String status) {
        if (status == null || status.isBlank()) {
            return status == null ? null : List.of();
        }
        return Arrays.asList(status.trim().split("\\s+"));
    }
}
