package org.knut.driver.megatec;

import java.util.List;

import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.core.text.CNumbers;

/**
 * The ups.conf options of the Megatec drivers (blazer's and blazer_ser's), checked as blazer checks
 * them at start.
 *
 * @param ondelay minutes before the UPS restarts after a shutdown.return (0..9999)
 * @param offdelay seconds before the UPS cuts the load, cut to what the protocol can say (12..600)
 * @param runtimeCalibration the runtimecal curve, or null when runtime is not estimated
 * @param chargeTime seconds to recharge from empty
 * @param idleLoad the least load (fraction) the runtime estimate assumes
 * @param rating whether to ask for the ratings
 * @param vendor whether to ask for the vendor information
 * @param protocol the one query set to use, or null to try the dialect's
 * @param cablePower which outputs power the cable
 * @param lock whether to lock the port ({@code nolock} clears it)
 */
record MegatecOptions(long ondelay, long offdelay, RuntimeCalibration runtimeCalibration, long chargeTime, double idleLoad,
        boolean rating, boolean vendor, MegatecProtocol protocol, CablePower cablePower, boolean lock) {

    static final List<DriverOption> DECLARED = List.of(
            DriverOption.value("ondelay", "Delay before UPS startup (minutes)"),
            DriverOption.value("offdelay", "Delay before UPS shutdown (seconds)"),
            DriverOption.value("runtimecal", "Parameters used for runtime calculation"),
            DriverOption.value("chargetime", "Nominal charge time for UPS battery"),
            DriverOption.value("idleload", "Minimum load to be used for runtime calculation"),
            DriverOption.flag("norating", "Skip reading rating information from UPS"),
            DriverOption.flag("novendor", "Skip reading vendor information from UPS"),
            DriverOption.value("protocol", "Preselect communication protocol (skip autodetection)"),
            DriverOption.value("cablepower", "Set cable power for serial interface"));

    static MegatecOptions from(DriverSetup s) {
        long ondelay = s.option("ondelay") == null ? 3 : CNumbers.strtol(s.option("ondelay"));
        if (ondelay < 0 || ondelay > 9999) {
            throw new IllegalArgumentException("Start delay '" + ondelay + "' out of range [0..9999]");
        }
        long offdelay = s.option("offdelay") == null ? 30 : CNumbers.strtol(s.option("offdelay"));
        if (offdelay < 12 || offdelay > 600) {
            throw new IllegalArgumentException("Shutdown delay '" + offdelay + "' out of range [12..600]");
        }
        offdelay -= offdelay < 60 ? offdelay % 6 : offdelay % 60; // the nearest value the S command can carry
        RuntimeCalibration cal = s.option("runtimecal") == null ? null : RuntimeCalibration.parse(s.option("runtimecal"));
        long chargeTime = RuntimeCalibration.chargeTime(s.option("chargetime"));
        double idleLoad = RuntimeCalibration.idleLoad(s.option("idleload"));
        MegatecProtocol protocol = s.option("protocol") == null ? null : MegatecProtocol.byLabel(s.option("protocol"));
        return new MegatecOptions(ondelay, offdelay, cal, chargeTime, idleLoad, !s.flag("norating"), !s.flag("novendor"), protocol,
                CablePower.of(s.option("cablepower")), !s.flag("nolock"));
    }
}
