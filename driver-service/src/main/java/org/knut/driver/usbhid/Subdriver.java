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
 * @param model how ups.model is made from the product string
 * @param modelNames for {@link Model#MGE}: model names and series by product and model strings
 * @param claim which devices it claims besides its ids
 * @param ids supported vendor/product ids
 * @param refused products of a known vendor that are not UPSes (never claimed)
 * @param pollOnly products whose interrupt pipe must not be used
 * @param interruptOnly products that only answer on the interrupt pipe
 * @param quirkOf the quirk of a product, if it has one (NUT's per-id match callback)
 * @param quirks each quirk's factors for the table's scale lookups
 * @param fixes descriptor repairs ({@link DescriptorFixes}) by the product they apply to
 * @param names usage names, vendor ones first
 * @param rows the table, in order
 */
record Subdriver(String name, String version, String defaultMfr, Model model, List<ModelName> modelNames, Claim claim, List<UsbId> ids, Set<UsbId> refused,
        Set<UsbId> pollOnly, Set<UsbId> interruptOnly, Map<UsbId, String> quirkOf, Map<String, Map<String, Double>> quirks,
        Map<UsbId, String> fixes, UsageNames names, List<HidInfo> rows) {

    /** How ups.model is made. */
    enum Model {
        /** The product string, as it is. */
        PRODUCT,
        /** APC: the product string less the firmware versions after "FW:" (they give ups.firmware(.aux)). */
        APC,
        /** MGE/Eaton: the product string and the device's iModel string, named through {@code modelNames}. */
        MGE
    }

    /**
     * One line of MGE's model table (mge-hid.c mge_model_names).
     *
     * @param product the product string
     * @param model the iModel string
     * @param series the model series (some conversions depend on it), as NUT's models_type_t in lower case
     * @param name ups.model, or null for "product model"
     */
    record ModelName(String product, String model, String series, String name) {
    }

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
