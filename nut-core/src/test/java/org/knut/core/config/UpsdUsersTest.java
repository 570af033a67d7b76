package org.knut.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpsdUsersTest {

    /** Forms from NUT's upsd.users(5), old and new. */
    static final String EXAMPLE = """
            [admin]
            \tpassword = "s3cret with spaces"
            \tactions = SET
            \tactions = fsd
            \tinstcmds = ALL

            [operator]
            \tpassword=op#notacomment
            \tinstcmds = test.battery.start test.battery.stop
            \tinstcmds = beeper.toggle

            [monmaster]
            \tpassword = "pass\\"word"
            \tupsmon master

            [monslave]
            \tpassword = x
            \tupsmon slave

            [monprimary]
            \tpassword = x
            \tupsmon = primary

            [monsecondary]
            \tpassword = x
            \tupsmon secondary
            \tallowfrom = localhost
            """;

    @Test
    void parsesUsersRightsAndRoles() throws Exception {
        UpsdUsers u = UpsdUsers.parse("upsd.users", EXAMPLE);
        assertEquals(List.of("admin", "operator", "monmaster", "monslave", "monprimary", "monsecondary"), List.copyOf(u.users().keySet()));
        UpsdUsers.User admin = u.user("admin");
        assertEquals("s3cret with spaces", admin.password());
        assertEquals(Set.of("SET", "FSD"), admin.actions());
        assertTrue(admin.maySet());
        assertTrue(admin.mayFsd());
        assertTrue(admin.mayInstcmd("load.off"));
        assertFalse(admin.mayLogin());
        UpsdUsers.User op = u.user("operator");
        assertEquals("op", op.password(), "# starts a comment, as in NUT");
        assertTrue(op.mayInstcmd("test.battery.stop"));
        assertTrue(op.mayInstcmd("beeper.toggle"));
        assertFalse(op.mayInstcmd("load.off"));
        assertFalse(op.maySet());
        assertEquals("pass\"word", u.user("monmaster").password());
        assertEquals(UpsdUsers.UpsmonRole.PRIMARY, u.user("monmaster").upsmon());
        assertEquals(UpsdUsers.UpsmonRole.SECONDARY, u.user("monslave").upsmon());
        assertEquals(UpsdUsers.UpsmonRole.PRIMARY, u.user("monprimary").upsmon());
        assertEquals(UpsdUsers.UpsmonRole.SECONDARY, u.user("monsecondary").upsmon());
        assertTrue(u.user("monmaster").mayFsd(), "upsmon primary implies FSD");
        assertTrue(u.user("monmaster").mayPrimary());
        assertFalse(u.user("monslave").mayPrimary());
        assertTrue(u.user("monslave").mayLogin());
        assertFalse(u.user("monslave").mayFsd());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "password = x|1|outside of a [user] section",
            "[u]\\npassword = x\\nactions = REBOOT|3|unknown action",
            "[u]\\npassword = x\\nupsmon boss|3|unknown upsmon role",
            "[u]\\npassword = x\\nupsmon|3|upsmon takes one word",
            "[u]\\npassword = a b|2|password takes one value",
            "[u]\\npassword = x\\nfrobnicate = 1|3|unknown upsd.users setting",
            "[u]\\npassword = x\\ninstcmds|3|expected 'instcmds = value'",
            "[u]\\ninstcmds = ALL|1|has no password",
            "[u]\\npassword = x\\n[u]\\npassword = y|3|defined twice",
            "[u]\\npassword = \"open|2|unbalanced"})
    void errorsNameFileLineAndReason(String text, int line, String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> UpsdUsers.parse("upsd.users", text.replace("\\n", "\n")));
        assertEquals("upsd.users", e.file());
        assertEquals(line, e.line());
        assertTrue(e.reason().contains(reason), e.reason());
    }
}
