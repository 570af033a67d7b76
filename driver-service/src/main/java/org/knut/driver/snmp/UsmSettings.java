package org.knut.driver.snmp;

import java.util.Map;

import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.OID;

/**
 * SNMPv3 user-based security as NUT's snmp-ups takes it: {@code secLevel} (noAuthNoPriv, authNoPriv,
 * authPriv), {@code secName}, {@code authPassword}/{@code authProtocol} (MD5, SHA, SHA256, SHA384,
 * SHA512; MD5 by default), {@code privPassword}/{@code privProtocol} (DES, AES, AES192, AES256; DES by
 * default).
 */
record UsmSettings(int level, String secName, OID authProtocol, String authPassword, OID privProtocol,
        String privPassword) {

    private static final Map<String, OID> AUTH = Map.of("MD5", AuthMD5.ID, "SHA", AuthSHA.ID, "SHA256",
            AuthHMAC192SHA256.ID, "SHA384", AuthHMAC256SHA384.ID, "SHA512", AuthHMAC384SHA512.ID);
    private static final Map<String, OID> PRIV = Map.of("DES", PrivDES.ID, "AES", PrivAES128.ID, "AES192",
            PrivAES192.ID, "AES256", PrivAES256.ID);

    /** From the ups.conf options; throws IllegalArgumentException with NUT's wording. */
    static UsmSettings parse(Map<String, String> o) {
        String levelName = o.getOrDefault("secLevel", "noAuthNoPriv");
        int level = switch (levelName) {
            case "noAuthNoPriv" -> SecurityLevel.NOAUTH_NOPRIV;
            case "authNoPriv" -> SecurityLevel.AUTH_NOPRIV;
            case "authPriv" -> SecurityLevel.AUTH_PRIV;
            default -> throw new IllegalArgumentException("Bad SNMPv3 securityLevel: " + levelName);
        };
        String secName = o.get("secName");
        if (secName == null) {
            throw new IllegalArgumentException("securityName is required for SNMPv3");
        }
        String authPassword = o.get("authPassword");
        String privPassword = o.get("privPassword");
        if (level == SecurityLevel.AUTH_NOPRIV && authPassword == null) {
            throw new IllegalArgumentException("authPassword is required for SNMPv3 in " + levelName + " mode");
        }
        if (level == SecurityLevel.AUTH_PRIV && (authPassword == null || privPassword == null)) {
            throw new IllegalArgumentException("authPassword and privPassword are required for SNMPv3 in " + levelName + " mode");
        }
        String authName = o.getOrDefault("authProtocol", "MD5");
        OID auth = AUTH.get(authName);
        if (auth == null) {
            throw new IllegalArgumentException("Bad SNMPv3 authProtocol: " + authName);
        }
        String privName = o.getOrDefault("privProtocol", "DES");
        OID priv = PRIV.get(privName);
        if (priv == null) {
            throw new IllegalArgumentException("Bad SNMPv3 privProtocol: " + privName);
        }
        // RFC 3414 keys come from pass phrases of at least 8 characters; SNMP4J refuses shorter ones
        for (String p : new String[] {level != SecurityLevel.NOAUTH_NOPRIV ? authPassword : null,
                level == SecurityLevel.AUTH_PRIV ? privPassword : null}) {
            if (p != null && p.length() < 8) {
                throw new IllegalArgumentException("SNMPv3 pass phrases must be at least 8 characters long");
            }
        }
        return new UsmSettings(level, secName, level == SecurityLevel.NOAUTH_NOPRIV ? null : auth,
                level == SecurityLevel.NOAUTH_NOPRIV ? null : authPassword, level == SecurityLevel.AUTH_PRIV ? priv : null,
                level == SecurityLevel.AUTH_PRIV ? privPassword : null);
    }

    @Override
    public String toString() {
        return "UsmSettings[" + secName + ", level " + level + "]";
    }
}
