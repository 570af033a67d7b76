package org.knut.driver.snmp;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.knut.driver.spi.DriverFactory;
import org.knut.driver.spi.DriverOption;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.UpsDriver;

/** NUT's {@code snmp-ups}: UPSes and their network cards over SNMP v1, v2c and v3. */
@ApplicationScoped
public class SnmpUpsFactory implements DriverFactory {
    private volatile MibCatalog catalog;

    @Override
    public String name() {
        return "snmp-ups";
    }

    @Override
    public String description() {
        return "Generic SNMP UPS driver";
    }

    /** Modelled on snmp-ups 1.21 (NUT 2.8.0). */
    @Override
    public String version() {
        return "1.21-knut";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.value("mibs", "Set MIB compliance (default=auto, allowed: " + String.join(",", mibNames()) + ")"),
                DriverOption.secret("community", "Set community name (default=public)"),
                DriverOption.value("snmp_version", "Set SNMP version (default=v1, allowed: v2c,v3)"),
                DriverOption.value("pollfreq", "Set polling frequency in seconds, to reduce network flow (default=30)"),
                DriverOption.value("semistaticfreq", "Set semistatic value update frequency in update cycles (default=10)"),
                DriverOption.value("snmp_retries", "Specifies the number of retries to be used in the requests (default=5)"),
                DriverOption.value("snmp_timeout", "Specifies the timeout in seconds between retries (default=1)"),
                DriverOption.flag("notransferoids", "Disable transfer OIDs (use on APCC Symmetras)"),
                DriverOption.flag("symmetrathreephase", "Enable APCC three phase Symmetra quirks (use on APCC three phase Symmetras)"),
                DriverOption.value("secLevel", "Set the securityLevel used for SNMPv3 messages (default=noAuthNoPriv, allowed: authNoPriv,authPriv)"),
                DriverOption.secret("secName", "Set the securityName used for authenticated SNMPv3 messages (no default)"),
                DriverOption.secret("authPassword", "Set the authentication pass phrase used for authenticated SNMPv3 messages (no default)"),
                DriverOption.secret("privPassword", "Set the privacy pass phrase used for encrypted SNMPv3 messages (no default)"),
                DriverOption.value("authProtocol", "Set the authentication protocol (MD5, SHA, SHA256, SHA384, SHA512) used for authenticated SNMPv3 messages (default=MD5)"),
                DriverOption.value("privProtocol", "Set the privacy protocol (DES, AES, AES192, AES256) used for encrypted SNMPv3 messages (default=DES)"),
                DriverOption.value("ondelay", "Set start delay time after shutdown"),
                DriverOption.value("offdelay", "Set delay time before shutdown "));
    }

    @Override
    public UpsDriver create(DriverSetup setup) {
        SnmpSettings settings = SnmpSettings.parse(setup.port(), setup.options());
        MibCatalog mibs = catalog();
        if (!settings.mibs().equals("auto") && !mibs.knows(settings.mibs())) {
            throw new IllegalArgumentException("Unknown 'mibs' value: " + settings.mibs() + " (known: auto, "
                    + String.join(", ", mibNames()) + ")");
        }
        WalkOptions walk = new WalkOptions(settings.semiStaticFreq(), setup.flag("notransferoids"), setup.flag("symmetrathreephase"));
        return new SnmpUpsDriver(setup.upsName(), settings, walk, mibs, setup.option("ondelay"), setup.option("offdelay"),
                setup.clock());
    }

    private List<String> mibNames() {
        return catalog().tables().stream().map(MibTable::name).distinct().toList();
    }

    private MibCatalog catalog() {
        MibCatalog c = catalog;
        if (c == null) {
            c = MibCatalog.builtIn();
            catalog = c;
        }
        return c;
    }
}
