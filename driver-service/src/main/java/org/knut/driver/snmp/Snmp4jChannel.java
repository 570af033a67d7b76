package org.knut.driver.snmp;

import java.io.IOException;
import java.util.Map;

import org.jboss.logging.Logger;
import org.snmp4j.AbstractTarget;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.GenericAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * {@link SnmpChannel} on SNMP4J: its own UDP socket, message dispatcher and (for v3) user-based
 * security model per UPS, so that UPSes with different users or engines never share state.
 */
final class Snmp4jChannel implements SnmpChannel {
    private static final Logger LOG = Logger.getLogger(Snmp4jChannel.class);
    /** What the usmStats counters in a v3 report mean, in words a user can act on. */
    private static final Map<OID, String> REPORTS = Map.of(
            SnmpConstants.usmStatsUnknownUserNames, "unknown user name (check secName)",
            SnmpConstants.usmStatsWrongDigests, "wrong digest (check authPassword and authProtocol)",
            SnmpConstants.usmStatsDecryptionErrors, "decryption error (check privPassword and privProtocol)",
            SnmpConstants.usmStatsUnsupportedSecLevels, "unsupported security level (check secLevel)",
            SnmpConstants.usmStatsNotInTimeWindows, "not in time window",
            SnmpConstants.usmStatsUnknownEngineIDs, "unknown engine ID");

    private final Snmp snmp;
    private final AbstractTarget<UdpAddress> target;
    private final int version;
    private final String peer;

    private Snmp4jChannel(Snmp snmp, AbstractTarget<UdpAddress> target, int version, String peer) {
        this.snmp = snmp;
        this.target = target;
        this.version = version;
        this.peer = peer;
    }

    static Snmp4jChannel open(SnmpSettings s) throws SnmpException {
        UdpAddress address;
        try {
            address = (UdpAddress) GenericAddress.parse("udp:" + s.host() + "/" + s.port());
        } catch (RuntimeException e) {
            address = null;
        }
        if (address == null) {
            throw new SnmpException("cannot resolve agent address " + s.host());
        }
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        USM usm = null;
        if (s.usm() != null) {
            SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
            usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
            dispatcher.addMessageProcessingModel(new MPv3(usm));
        }
        Snmp snmp;
        try {
            snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping());
            snmp.listen();
        } catch (IOException e) {
            throw new SnmpException("cannot open a UDP socket: " + e.getMessage(), e);
        }
        AbstractTarget<UdpAddress> target;
        if (s.usm() != null) {
            UsmSettings u = s.usm();
            OctetString user = new OctetString(u.secName());
            usm.addUser(user, new UsmUser(user, u.authProtocol(), u.authPassword() == null ? null : new OctetString(u.authPassword()),
                    u.privProtocol(), u.privPassword() == null ? null : new OctetString(u.privPassword())));
            UserTarget<UdpAddress> t = new UserTarget<>();
            t.setSecurityLevel(u.level());
            t.setSecurityName(user);
            t.setSecurityModel(SecurityModel.SECURITY_MODEL_USM);
            target = t;
        } else {
            target = new CommunityTarget<>(address, new OctetString(s.community()));
        }
        target.setAddress(address);
        target.setVersion(s.version());
        target.setRetries(s.retries());
        target.setTimeout(s.timeout().toMillis());
        return new Snmp4jChannel(snmp, target, s.version(), s.host() + ":" + s.port());
    }

    @Override
    public Variable get(String oid) throws SnmpException {
        PDU response = exchange(PDU.GET, new VariableBinding(new OID(oid)));
        if (response.getErrorStatus() != PDU.noError) {
            LOG.debugf("%s: GET %s: %s", peer, oid, response.getErrorStatusText());
            return null;
        }
        VariableBinding vb = response.size() > 0 ? response.get(0) : null;
        if (vb == null || vb.getVariable() == null || vb.getVariable().isException()) {
            return null;
        }
        return vb.getVariable();
    }

    @Override
    public String set(String oid, Variable value) throws SnmpException {
        PDU response = exchange(PDU.SET, new VariableBinding(new OID(oid), value));
        return response.getErrorStatus() == PDU.noError ? null : response.getErrorStatusText();
    }

    private PDU exchange(int type, VariableBinding vb) throws SnmpException {
        PDU pdu = version == SnmpConstants.version3 ? new ScopedPDU() : new PDU();
        pdu.setType(type);
        pdu.add(vb);
        ResponseEvent<UdpAddress> event;
        try {
            event = snmp.send(pdu, target);
        } catch (IOException e) {
            throw new SnmpException("cannot send to " + peer + ": " + e.getMessage(), e);
        }
        PDU response = event == null ? null : event.getResponse();
        if (response == null) {
            if (event != null && event.getError() != null) {
                throw new SnmpException(peer + ": " + event.getError().getMessage(), event.getError());
            }
            // many v3 agents silently drop requests with a wrong user, key or protocol
            throw new SnmpTimeoutException("Timeout: no response from " + peer + (version == SnmpConstants.version3
                    ? " (SNMPv3: check secName, secLevel, authPassword/authProtocol and privPassword/privProtocol)" : ""));
        }
        if (response.getType() == PDU.REPORT) {
            throw new SnmpException("SNMPv3 agent " + peer + " refused the request: " + report(response));
        }
        return response;
    }

    private static String report(PDU report) {
        if (report.size() > 0) {
            OID oid = report.get(0).getOid();
            String known = REPORTS.getOrDefault(oid, REPORTS.get(new OID(oid).trim()));
            return known != null ? known : oid.toDottedString();
        }
        return "empty report";
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException e) {
            LOG.debugf("%s: closing: %s", peer, e.getMessage());
        }
    }
}
