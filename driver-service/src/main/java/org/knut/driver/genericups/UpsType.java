package org.knut.driver.genericups;

import static org.knut.driver.genericups.Signals.CTS;
import static org.knut.driver.genericups.Signals.DCD;
import static org.knut.driver.genericups.Signals.DSR;
import static org.knut.driver.genericups.Signals.DTR;
import static org.knut.driver.genericups.Signals.RNG;
import static org.knut.driver.genericups.Signals.RTS;
import static org.knut.driver.genericups.Signals.ST;
import static org.knut.driver.genericups.Signals.UNKNOWN;

import java.util.List;

/**
 * One {@code upstype} of genericups: which outputs power the cable, which inputs mean on line, low
 * battery, replace battery and bypass, and which outputs (or a BREAK) tell the UPS to shut down.
 * {@link #TABLE} is NUT 2.8.0's table, entry for entry.
 *
 * @param shutdown outputs to set, {@link Signals#ST} for a BREAK, {@link Signals#UNKNOWN} when the
 *        model has no known shutdown signal
 */
record UpsType(String mfr, String model, String desc, int cablePower, InputRule online, InputRule lowBattery,
        InputRule replaceBattery, InputRule bypass, int shutdown) {

    private static UpsType t(String mfr, String model, String desc, int cp, InputRule ol, InputRule lb, int sd) {
        return new UpsType(mfr, model, desc, cp, ol, lb, InputRule.NONE, InputRule.NONE, sd);
    }

    private static InputRule on(int line) {
        return new InputRule(line, line);
    }

    private static InputRule off(int line) {
        return new InputRule(line, 0);
    }

    static final List<UpsType> TABLE = List.of(
            t("UPSONIC", "LAN Saver 600", "UPSONIC LAN Saver 600", DTR | RTS, off(CTS), on(DCD), RTS),
            t("APC", "Back-UPS", "APC Back-UPS (940-0095A/C cable)", DTR, off(RNG), on(DCD), RTS),
            t("APC", "Back-UPS", "APC Back-UPS (940-0020B/C cable)", RTS, off(CTS), on(DCD), DTR | RTS),
            t("PowerTech", "Comp1000", "PowerTech Comp1000 with DTR as cable power", DTR, off(CTS), on(DCD), DTR | RTS),
            t("Generic", "Generic RUPS model", "Generic RUPS model", RTS, on(CTS), off(DCD), 0),
            t("TrippLite", "Internet Office Series", "Tripp Lite UPS with Lan2.2 interface (black 73-0844 cable)", DTR, on(CTS),
                    off(DCD), DTR | RTS),
            t("Best", "Patriot", "Best Patriot (INT51 cable)", DTR, on(CTS), off(DCD), RTS),
            t("CyberPower", "Power99", "CyberPower Power99", RTS, on(CTS), off(DCD), DTR),
            t("Nitram", "Elite UPS", "Nitram Elite 500", DTR, on(CTS), off(DCD), UNKNOWN),
            t("APC", "Back-UPS", "APC Back-UPS (940-0023A cable)", 0, off(DCD), on(CTS), RTS),
            t("Victron", "Lite", "Victron Lite (crack cable)", RTS, on(CTS), off(DCD), DTR),
            t("Powerware", "3115", "Powerware 3115", DTR, off(CTS), off(DCD), ST),
            t("APC", "Back-UPS Office", "APC Back-UPS Office (940-0119A cable)", RTS, off(CTS), on(DCD), DTR),
            t("RPT", "Repoteck", "Repoteck RPT-800A, RPT-162A", DTR | RTS, on(DCD), off(CTS), ST),
            t("Online", "P250, P500, P750, P1250", "Online P-series", DTR, on(DCD), off(CTS), RTS),
            t("Powerware", "5119", "Powerware 5119", DTR, on(CTS), off(DCD), ST),
            t("Nitram", "Elite UPS", "Nitram Elite 2002", DTR | RTS, on(CTS), off(DCD), UNKNOWN),
            t("PowerKinetics", "9001", "PowerKinetics 9001", DTR, on(CTS), off(DCD), UNKNOWN),
            t("TrippLite", "Omni 450LAN", "TrippLite UPS with Martin's cabling", DTR, on(CTS), on(DCD), UNKNOWN),
            t("Fideltronik", "Ares Series", "Fideltronik Ares Series", DTR, on(CTS), off(DCD), RTS),
            t("Powerware", "5119 RM", "Powerware 5119 RM", DTR, off(CTS), on(DCD), ST),
            t("Generic", "Generic RUPS 2000", "Generic RUPS 2000 (Megatec M2501 cable)", RTS, on(CTS), off(DCD), RTS | DTR),
            t("Gamatronic Electronic Industries", "Generic Alarm UPS", "Gamatronic UPSs with alarm interface", RTS, on(CTS), off(DCD),
                    DTR),
            new UpsType("Generic", "Generic FTTx Battery Backup", "FTTx (Fiber to the x) battery backup with 4-wire telemetry interface",
                    RTS, on(CTS), off(DCD), off(RNG), off(DSR), 0));

    UpsType withCablePower(int lines) {
        return new UpsType(mfr, model, desc, lines, online, lowBattery, replaceBattery, bypass, shutdown);
    }

    UpsType withShutdown(int lines) {
        return new UpsType(mfr, model, desc, cablePower, online, lowBattery, replaceBattery, bypass, lines);
    }

    UpsType withOnline(InputRule r) {
        return new UpsType(mfr, model, desc, cablePower, r, lowBattery, replaceBattery, bypass, shutdown);
    }

    UpsType withLowBattery(InputRule r) {
        return new UpsType(mfr, model, desc, cablePower, online, r, replaceBattery, bypass, shutdown);
    }

    UpsType withReplaceBattery(InputRule r) {
        return new UpsType(mfr, model, desc, cablePower, online, lowBattery, r, bypass, shutdown);
    }

    UpsType withBypass(InputRule r) {
        return new UpsType(mfr, model, desc, cablePower, online, lowBattery, replaceBattery, r, shutdown);
    }

    /** ups.status tokens for these inputs, in genericups' order. */
    List<String> status(int inputs) {
        List<String> s = new java.util.ArrayList<>(4);
        if (lowBattery.holds(inputs)) {
            s.add("LB");
        }
        s.add(online.matches(inputs) ? "OL" : "OB"); // always on line when the OL rule has no lines
        if (replaceBattery.holds(inputs)) {
            s.add("RB");
        }
        if (bypass.holds(inputs)) {
            s.add("BYPASS");
        }
        return s;
    }
}
