package org.knut.driver.megatec;

import java.util.List;

import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.core.text.CNumbers;

/**
 * The ups.conf options of nutdrv_qx's serial side and of the subdrivers knut carries. The delays are
 * checked later, against the chosen subdriver's ranges, as nutdrv_qx checks them.
 *
 * @param ondelay {@code ondelay} as given (seconds), or null
 * @param offdelay {@code offdelay} as given (seconds), or null
 * @param stayoff shut down with shutdown.stayoff instead of shutdown.return
 * @param pollfreq seconds between full polls; the polls between only read the status
 * @param protocol the one subdriver to try, or null to try them all
 * @param runtimeCalibration the runtimecal curve, or null
 * @param chargeTime seconds to recharge from empty
 * @param idleLoad the least load (fraction) the runtime estimate assumes
 * @param rating whether to read the ratings ({@code norating} clears it)
 * @param vendor whether to read the vendor line ({@code novendor} clears it)
 * @param ignoreShutdownActive whether to ignore the "Shutdown Active" bit ({@code ignoresab})
 * @param cablePower which outputs power the cable
 * @param lock whether to lock the port
 */
record QxOptions(String ondelay, String offdelay, boolean stayoff, long pollfreq, QxSubdriver protocol,
        RuntimeCalibration runtimeCalibration, long chargeTime, double idleLoad, boolean rating, boolean vendor,
        boolean ignoreShutdownActive, CablePower cablePower, boolean lock) {

    static final List<DriverOption> DECLARED = List.of(
            DriverOption.value("offdelay", "Set shutdown delay, in seconds (default=30)"),
            DriverOption.value("ondelay", "Set startup delay, in seconds (default=180)"),
            DriverOption.flag("stayoff", "If invoked the UPS won't return after a shutdown when FSD arises"),
            DriverOption.value("pollfreq", "Set polling frequency, in seconds, to reduce data flow (default=30)"),
            DriverOption.value("protocol", "Preselect communication protocol (skip autodetection)"),
            DriverOption.value("runtimecal", "Parameters used for runtime calculation"),
            DriverOption.value("chargetime", "Nominal charge time for UPS battery"),
            DriverOption.value("idleload", "Minimum load to be used for runtime calculation"),
            DriverOption.value("cablepower", "Set cable power for serial interface"),
            DriverOption.flag("norating", "Skip reading rating information from UPS"),
            DriverOption.flag("novendor", "Skip reading vendor information from UPS"),
            DriverOption.flag("ignoresab", "Ignore 'Shutdown Active' bit in UPS status"));

    static QxOptions from(DriverSetup s) {
        long pollfreq = s.option("pollfreq") == null ? 30 : CNumbers.strtol(s.option("pollfreq"));
        RuntimeCalibration cal = s.option("runtimecal") == null ? null : RuntimeCalibration.parse(s.option("runtimecal"));
        long chargeTime = RuntimeCalibration.chargeTime(s.option("chargetime"));
        double idleLoad = RuntimeCalibration.idleLoad(s.option("idleload"));
        QxSubdriver protocol = s.option("protocol") == null ? null : QxSubdrivers.byProtocol(s.option("protocol"));
        return new QxOptions(s.option("ondelay"), s.option("offdelay"), s.flag("stayoff"), pollfreq, protocol, cal, chargeTime, idleLoad,
                !s.flag("norating"), !s.flag("novendor"), s.flag("ignoresab"), CablePower.of(s.option("cablepower")), !s.flag("nolock"));
    }
}
