package org.knut.driver.usbhid;

/** A vendor/product id pair a subdriver supports (NUT's usb_device_id_t). */
record UsbId(int vendorId, int productId) {
}
