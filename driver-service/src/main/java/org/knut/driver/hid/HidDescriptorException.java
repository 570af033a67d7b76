package org.knut.driver.hid;

/**
 * A report descriptor that cannot be used as a whole. The message names the byte offset and the
 * reason; {@link #partial()} holds the fields read before the problem (a truncated descriptor still
 * tells what it had declared so far).
 */
public class HidDescriptorException extends Exception {
    private final transient ReportDescriptor partial;

    public HidDescriptorException(String message, ReportDescriptor partial) {
        super(message);
        this.partial = partial;
    }

    public ReportDescriptor partial() {
        return partial;
    }
}
