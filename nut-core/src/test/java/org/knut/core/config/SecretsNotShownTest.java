package org.knut.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parsed users and MONITOR lines keep their passwords, but never show them as text (logs, errors). */
class SecretsNotShownTest {
    @Test
    void aUpsdUserShowsEverythingButItsPassword() throws Exception {
        UpsdUsers users = UpsdUsers.parse("upsd.users", "[admin]\n\tpassword = Pw-31337-x\n\tactions = SET\n");
        String text = users.users().toString();
        assertTrue(text.contains("admin") && text.contains("SET"), text);
        assertFalse(text.contains("Pw-31337-x"), text);
        assertTrue(users.user("admin").password().equals("Pw-31337-x"));
    }

    @Test
    void aMonitorLineShowsEverythingButItsPassword() throws Exception {
        UpsmonConf conf = UpsmonConf.parse("upsmon.conf", "MONITOR demo@localhost 1 monuser Pw-4242-y primary\n");
        String text = conf.monitors().toString();
        assertTrue(text.contains("demo@localhost") && text.contains("monuser"), text);
        assertFalse(text.contains("Pw-4242-y"), text);
    }
}
