package org.knut.driver.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knut.core.config.ConfigException;
import org.knut.core.config.ConfigLine;
import org.knut.core.config.ConfigReader;

/**
 * The settings of every ups.conf section in file order, each with its line number and whether it was
 * a bare flag, which the driver checks need for their error messages ({@link org.knut.core.config.UpsConf}
 * keeps only the values).
 */
final class SectionOptions {
    private SectionOptions() {
    }

    static Map<String, List<ConfOption>> read(Path upsConf) throws ConfigException {
        Map<String, List<ConfOption>> sections = new LinkedHashMap<>();
        List<ConfOption> current = null;
        for (ConfigLine l : ConfigReader.read(upsConf)) {
            String name = l.section();
            if (name != null) {
                current = new ArrayList<>();
                sections.put(name, current);
                continue;
            }
            if (current == null) {
                continue; // global setting
            }
            ConfigLine.KeyValue kv = l.keyValue();
            current.add(kv == null ? new ConfOption(l.first(), null, l.line()) : new ConfOption(kv.key(), kv.value(), l.line()));
        }
        return sections;
    }
}
