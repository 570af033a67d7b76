package org.knut.driver.snmp;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.MOAccess;
import org.snmp4j.agent.mo.MOAccessImpl;
import org.snmp4j.agent.mo.MOScalar;
import org.snmp4j.agent.mo.snmp.CoexistenceInfo;
import org.snmp4j.agent.mo.snmp.CoexistenceInfoProvider;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.agent.security.MutableVACM;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * An SNMP agent in this JVM (snmp4j-agent's command processor) on 127.0.0.1: v1/v2c with one
 * community, v3 with one USM user, every object read-write in the default context. Objects are plain
 * scalars, so a test can serve any type at any OID; {@link #silence} makes it drop every request, as an
 * unreachable agent, {@link #drop} the requests for one OID.
 */
final class TestAgent implements AutoCloseable {
    /** APC PowerNet's UPS subtree. */
    static final String APC = ".1.3.6.1.4.1.318.1.1.1.";

    private final Snmp snmp;
    private final DefaultMOServer server = new DefaultMOServer();
    private final Map<String, MOScalar<Variable>> objects = new HashMap<>();
    private final int port;
    private volatile boolean silent;
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private TestAgent(int port, String community, UsmUser user) throws IOException {
        this.port = port;
        OctetString engineId = new OctetString(MPv3.createLocalEngineID(new OctetString("knut-test-" + port)));
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        USM usm = new USM(new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility), engineId, 0);
        if (user != null) {
            usm.addUser(user);
        }
        dispatcher.addMessageProcessingModel(new MPv3(usm));
        snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/" + port)));
        CommandProcessor processor = new CommandProcessor(engineId);
        processor.addMOServer(server);
        VacmMIB vacm = new VacmMIB(new DefaultMOServer[] {server});
        OctetString group = new OctetString("all");
        OctetString view = new OctetString("everything");
        vacm.addGroup(SecurityModel.SECURITY_MODEL_SNMPv1, new OctetString(community), group, StorageType.nonVolatile);
        vacm.addGroup(SecurityModel.SECURITY_MODEL_SNMPv2c, new OctetString(community), group, StorageType.nonVolatile);
        if (user != null) {
            vacm.addGroup(SecurityModel.SECURITY_MODEL_USM, user.getSecurityName(), group, StorageType.nonVolatile);
        }
        vacm.addAccess(group, new OctetString(), SecurityModel.SECURITY_MODEL_ANY, SecurityLevel.NOAUTH_NOPRIV,
                MutableVACM.VACM_MATCH_EXACT, view, view, view, StorageType.nonVolatile);
        vacm.addViewTreeFamily(view, new OID("1.3"), new OctetString(), VacmMIB.vacmViewIncluded, StorageType.nonVolatile);
        processor.setVacm(vacm);
        processor.setCoexistenceProvider(new CommunityOnly(new OctetString(community), engineId));
        // the silencer sees every request first, counts it, and swallows it while the agent plays dead
        // or when it asks for a dropped OID
        snmp.addCommandResponder(new CommandResponder() {
            @Override
            public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
                boolean drop = silent;
                PDU pdu = event.getPDU();
                for (int i = 0; pdu != null && i < pdu.size(); i++) {
                    String oid = "." + pdu.get(i).getOid().toDottedString();
                    requests.computeIfAbsent(oid, k -> new AtomicInteger()).incrementAndGet();
                    drop |= dropped.contains(oid);
                }
                if (drop) {
                    event.setProcessed(true);
                }
            }
        });
        snmp.addCommandResponder(processor);
        snmp.listen();
    }

    /** v1/v2c: the one community maps to a security name of the same text, in the default context. */
    private record CommunityOnly(OctetString community, OctetString engineId) implements CoexistenceInfoProvider {
        @Override
        public CoexistenceInfo[] getCoexistenceInfo(OctetString c) {
            return c.equals(community) ? new CoexistenceInfo[] {new CoexistenceInfo(community, engineId, new OctetString())}
                    : new CoexistenceInfo[0];
        }

        @Override
        public OctetString getCommunity(OctetString securityName, OctetString contextEngineId, OctetString contextName) {
            return securityName.equals(community) ? community : null;
        }

        @Override
        public boolean passesFilter(Address address, CoexistenceInfo info) {
            return true;
        }
    }

    /** An agent on a free port; {@code user} may be null for v1/v2c only. */
    static TestAgent start(String community, UsmUser user) throws IOException {
        return new TestAgent(SnmpSim.freeUdpPort(), community, user);
    }

    int port() {
        return port;
    }

    /** Serves a small APC Smart-UPS: model, charge, voltages, status (OB LB), writable settings, command OIDs. */
    TestAgent apcSmartUps() {
        return put(MibDetector.SYS_OBJECT_ID, new OID("1.3.6.1.4.1.318.1.3.27"))
                .put(".1.3.6.1.2.1.1.1.0", new OctetString("APC Web/SNMP Management Card"))
                .put(APC + "1.1.1.0", new OctetString("Smart-UPS 1500"))
                .put(APC + "2.2.1.0", new Gauge32(87))
                .put(APC + "3.2.1.0", new Gauge32(229))
                .put(APC + "3.3.1.0", new Gauge32(2294))
                .put(APC + "4.1.1.0", new Integer32(3))
                .put(APC + "2.1.1.0", new Integer32(3))
                .put(APC + "5.2.3.0", new Integer32(208))
                .put(APC + "5.2.7.0", new Integer32(4))
                .put(APC + "5.2.10.0", new TimeTicks(9000))
                .put(APC + "6.2.1.0", new Integer32(1))
                .put(APC + "6.2.6.0", new Integer32(1));
    }

    /** Serves {@code value} at {@code oid} (read-write, any type), replacing what was there. */
    TestAgent put(String oid, Variable value) {
        MOScalar<Variable> old = objects.get(oid);
        if (old != null) {
            old.setValue(value);
            return this;
        }
        return register(oid, new Scalar(oid, MOAccessImpl.ACCESS_READ_WRITE, value));
    }

    /** Serves {@code value} at {@code oid} read-only: a SET gets notWritable. */
    TestAgent putReadOnly(String oid, Variable value) {
        return register(oid, new Scalar(oid, MOAccessImpl.ACCESS_READ_ONLY, value));
    }

    /**
     * A scalar that claims its own OID only: snmp4j-agent's claims all of its parent's subtree, so two
     * objects of one table row (outlet 1 and outlet 2 of a column) could not both be served.
     */
    private static final class Scalar extends MOScalar<Variable> {
        Scalar(String oid, MOAccess access, Variable value) {
            super(new OID(oid), access, value);
        }

        @Override
        public OID getLowerBound() {
            return getOid();
        }

        @Override
        public OID getUpperBound() {
            return getOid().nextPeer();
        }
    }

    private TestAgent register(String oid, MOScalar<Variable> mo) {
        try {
            server.register(mo, null);
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException(e);
        }
        objects.put(oid, mo);
        return this;
    }

    /** What the agent holds at {@code oid} now (after SETs), or null. */
    Variable value(String oid) {
        MOScalar<Variable> mo = objects.get(oid);
        return mo == null ? null : mo.getValue();
    }

    /** While silent the agent drops every request, as an unreachable or dead agent does. */
    void silence(boolean on) {
        silent = on;
    }

    /** While dropped, every request that names {@code oid} goes unanswered, as some agents do for some OIDs. */
    TestAgent drop(String oid, boolean on) {
        if (on) {
            dropped.add(oid);
        } else {
            dropped.remove(oid);
        }
        return this;
    }

    /** How many requests named {@code oid} (answered or not). */
    int requests(String oid) {
        AtomicInteger n = requests.get(oid);
        return n == null ? 0 : n.get();
    }

    /** How many requests there were for any OID. */
    int requests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException e) {
            // closing a UDP socket
        }
    }
}
