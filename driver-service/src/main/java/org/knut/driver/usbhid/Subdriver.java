package org.knut.driver.usbhid;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knut.driver.hid.UsageNames;
import org.knut.driver.usb.UsbDeviceInfo;

/**
 * A vendor table of usbhid-ups: which devices it claims, its vendor usage names and its rows.
 *
 * @param name the table name ({@code apc})
 * @param version published as driver.version.data ({@code APC HID 0.98})
 * @param defaultMfr ups.mfr when the device has no manufacturer string (null: none)
 * @param apcModel the product string carries firmware versions after "FW:" (APC)
 * @param claim which devices it claims besides its ids
 * @param ids supported vendor/product ids
 * @param refused products of a known vendor that are not UPSes (never claimed)
 * @param pollOnly products whose interrupt pipe must not be used
 * @param interruptOnly products that only answer on the interrupt pipe
 * @param quirkOf the quirk of a product, if it has one (NUT's per-id match callback)
 * @param quirks each quirk's factors for the table's scale lookups
 * @param names usage names, vendor ones first
 * @param rows the table, in order
 */
record Subdriver(String name, String version, String defaultMfr, boolean apcModel, Claim claim, List<UsbId> ids, Set<UsbId> refused,
        Set<UsbId> pollOnly, Set<UsbId> interruptOnly, Map<UsbId, String> quirkOf, Map<String, Map<String, Double>> quirks,
        UsageNames names, List<HidInfo> rows) {

    /** Which devices a table claims beyond its USB ids. */
    enum Claim {
        /** Only its ids (and its vendors' other products when productid is given), as NUT's tables. */
        IDS,
        /** Any device, in explore mode only (NUT's explore subdriver, tried first). */
        EXPLORE,
        /** Any device no other table claims, when vendorid is given (knut's generic table, tried last). */
        FALLBACK
    }

    /** The quirk of a device, or null. */
    String quirk(UsbDeviceInfo d) {
        return quirkOf.get(new UsbId(d.vendorId(), d.productId()));
    }

    /** NUT's is_usb_device_supported and the subdriver's claim: a known pair, or a known vendor with the productid option. */
    boolean claims(UsbDeviceInfo d, boolean productIdGiven) {
        if (refused.contains(new UsbId(d.vendorId(), d.productId()))) {
            return false;
        }
        boolean vendorKnown = false;
        for (UsbId id : ids) {
            if (id.vendorId() == d.vendorId()) {
                if (id.productId() == d.productId()) {
                    return true;
                }
                vendorKnown = true;
            }
        }
        return vendorKnown && productIdGiven;
    }
}
