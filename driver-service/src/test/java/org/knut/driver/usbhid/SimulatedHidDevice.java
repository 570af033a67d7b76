package org.knut.driver.usbhid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.knut.driver.hid.HidDescriptorException;
import org.knut.driver.hid.HidField;
import org.knut.driver.hid.ReportCodec;
import org.knut.driver.hid.ReportDescriptor;
import org.knut.driver.hid.ReportDescriptorParser;
import org.knut.driver.hid.ReportType;
import org.knut.driver.hid.UsageNames;
import org.knut.driver.usb.HidDevice;
import org.knut.driver.usb.HidIoException;
import org.knut.driver.usb.UsbDeviceInfo;

/**
 * A USB HID UPS in memory: a report descriptor, a store of feature reports (GET_REPORT answers them,
 * SET_REPORT replaces them), a queue of interrupt reports, string descriptors, and a plug. Values are set
 * by HID path (standard names, vendor usages in hex) as logical values, placed in the report bytes the
 * descriptor declares.
 */
final class SimulatedHidDevice implements HidDevice {
    private final UsbDeviceInfo info;
    private final byte[] descriptorBytes;
    private final ReportDescriptor descriptor;
    private final UsageNames names;
    private final Map<Integer, byte[]> features = new HashMap<>();
    private final Map<Integer, byte[]> inputs = new HashMap<>();
    private final Map<Integer, String> strings = new HashMap<>();
    private final Deque<byte[]> interrupts = new ArrayDeque<>();
    private final List<String> writes = new ArrayList<>();
    private volatile boolean plugged = true;
    private int getReports;

    SimulatedHidDevice(UsbDeviceInfo info, byte[] descriptorBytes) throws HidDescriptorException {
        this(info, descriptorBytes, UsageNames.standard());
    }

    /** With the usage names paths are written in (a subdriver's vendor names). */
    SimulatedHidDevice(UsbDeviceInfo info, byte[] descriptorBytes, UsageNames names) throws HidDescriptorException {
        this.info = info;
        this.names = names;
        this.descriptorBytes = descriptorBytes.clone();
        this.descriptor = ReportDescriptorParser.parse(descriptorBytes);
        for (int id : descriptor.reportIds()) {
            features.put(id, report(id));
            inputs.put(id, report(id));
        }
    }

    private byte[] report(int id) {
        byte[] b = new byte[descriptor.reportLength(id) + 1];
        b[0] = (byte) id;
        return b;
    }

    private HidField field(String path, ReportType type) {
        HidField f = descriptor.find(names.parse(path), type);
        if (f == null) {
            throw new IllegalArgumentException("the simulated descriptor has no " + type + " " + path);
        }
        return f;
    }

    /** Sets a feature value (and the input field of the same path, when there is one). */
    synchronized SimulatedHidDevice feature(String path, long logical) {
        HidField f = field(path, ReportType.FEATURE);
        ReportCodec.insert(features.get(f.reportId()), f.offset(), f.size(), logical);
        HidField in = descriptor.find(names.parse(path), ReportType.INPUT);
        if (in != null) {
            ReportCodec.insert(inputs.get(in.reportId()), in.offset(), in.size(), logical);
        }
        return this;
    }

    /** Replaces a whole feature report with recorded bytes (the report id first). */
    synchronized SimulatedHidDevice featureReport(byte[] report) {
        byte[] r = features.get(report[0] & 0xff);
        if (r == null) {
            throw new IllegalArgumentException("the simulated descriptor has no report " + (report[0] & 0xff));
        }
        System.arraycopy(report, 0, r, 0, Math.min(r.length, report.length));
        return this;
    }

    /** The logical value of a feature field as the device holds it (to see what SET_REPORT wrote). */
    synchronized long featureValue(String path) {
        HidField f = field(path, ReportType.FEATURE);
        return ReportCodec.extract(features.get(f.reportId()), f);
    }

    /** Queues the input report that carries {@code path} for the interrupt pipe. */
    synchronized SimulatedHidDevice interrupt(String path) {
        HidField in = field(path, ReportType.INPUT);
        interrupts.add(inputs.get(in.reportId()).clone());
        return this;
    }

    /** Queues raw bytes for the interrupt pipe (for reports the descriptor does not declare). */
    synchronized SimulatedHidDevice interruptBytes(byte[] report) {
        interrupts.add(report.clone());
        return this;
    }

    SimulatedHidDevice string(int index, String text) {
        strings.put(index, text);
        return this;
    }

    void unplug() {
        plugged = false;
    }

    void plugIn() {
        plugged = true;
    }

    boolean plugged() {
        return plugged;
    }

    synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    synchronized int getReports() {
        return getReports;
    }

    private void check() throws HidIoException {
        if (!plugged) {
            throw new HidIoException("No such device (it may have been disconnected)", true);
        }
    }

    @Override
    public UsbDeviceInfo info() {
        return info;
    }

    @Override
    public byte[] reportDescriptor() throws HidIoException {
        check();
        return descriptorBytes.clone();
    }

    @Override
    public synchronized int getFeature(int reportId, byte[] buffer) throws HidIoException {
        check();
        byte[] r = features.get(reportId);
        if (r == null) {
            throw new HidIoException("Pipe error", false); // a device stalls on reports it does not have
        }
        getReports++;
        int n = Math.min(buffer.length, r.length);
        System.arraycopy(r, 0, buffer, 0, n);
        return n;
    }

    @Override
    public synchronized void setFeature(int reportId, byte[] report) throws HidIoException {
        check();
        byte[] r = features.get(reportId);
        if (r == null || report.length < 1 || (report[0] & 0xff) != reportId) {
            throw new HidIoException("Pipe error", false);
        }
        System.arraycopy(report, 0, r, 0, Math.min(r.length, report.length));
        writes.add(String.format("%02x", reportId));
    }

    @Override
    public synchronized int readInterrupt(byte[] buffer, int timeoutMillis) throws HidIoException {
        check();
        byte[] r = interrupts.poll();
        if (r == null) {
            return 0; // a real device would wait timeoutMillis first
        }
        int n = Math.min(buffer.length, r.length);
        System.arraycopy(r, 0, buffer, 0, n);
        return n;
    }

    @Override
    public String string(int index) throws HidIoException {
        check();
        return strings.getOrDefault(index, "");
    }

    @Override
    public void close() {
    }
}
