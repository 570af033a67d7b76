package org.knut.driver.apcsmart;

import java.util.List;
import java.util.regex.Pattern;

import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.core.text.CNumbers;

/**
 * apcsmart's ups.conf options, checked as apcsmart checks them at start.
 *
 * @param awd hard hibernate's additional wakeup delay (in tenths of an hour), or null
 * @param sdtype the simple shutdown method, 0 to 5
 * @param advorder the advanced shutdown order (methods 0-4 tried in turn), or null for the simple one
 * @param cshdelayMillis the CS hack's wait
 * @param cable940_0095B the alternate cable: DTR on, RTS off
 * @param lock whether to lock the port
 */
record ApcOptions(String awd, int sdtype, String advorder, long cshdelayMillis, boolean cable940_0095B, boolean lock) {

    static final List<DriverOption> DECLARED = List.of(
            DriverOption.value("ttymode", "tty discipline selection"),
            DriverOption.value("cable", "alternate cable (940-0095B) selection"),
            DriverOption.value("awd", "hard hibernate's additional wakeup delay"),
            DriverOption.value("sdtype", "simple shutdown method"),
            DriverOption.value("advorder", "advanced shutdown control"),
            DriverOption.value("cshdelay", "CS hack delay"));

    private static final Pattern AWD = Pattern.compile("^[0-9]{1,3}$");
    private static final Pattern SDTYPE = Pattern.compile("^[0-5]$");
    private static final Pattern ADVORDER = Pattern.compile("^([0-4]{1,5}|[Nn][Oo])$");
    private static final Pattern CSHDELAY = Pattern.compile("^([0-9]\\.?|[0-9]?\\.[0-9])$");

    static ApcOptions from(DriverSetup s) {
        String awd = checked(s, "awd", AWD);
        String sdtype = checked(s, "sdtype", SDTYPE);
        String advorder = checked(s, "advorder", ADVORDER);
        String cshdelay = checked(s, "cshdelay", CSHDELAY);
        return new ApcOptions(awd, sdtype == null ? 0 : Integer.parseInt(sdtype),
                advorder == null || advorder.equalsIgnoreCase("no") ? null : advorder,
                cshdelay == null ? 3500 : (long) (CNumbers.strtod(cshdelay) * 1000),
                "940-0095B".equalsIgnoreCase(s.option("cable")), !s.flag("nolock"));
    }

    private static String checked(DriverSetup s, String key, Pattern format) {
        String v = s.option(key);
        if (v != null && !format.matcher(v).find()) {
            throw new IllegalArgumentException("invalid value (" + v + ") for option '" + key + "'");
        }
        return v;
    }
}
