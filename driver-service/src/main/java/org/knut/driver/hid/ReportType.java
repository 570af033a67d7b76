package org.knut.driver.hid;

/** The three kinds of HID main data items, with the names NUT prints for them. */
public enum ReportType {
    INPUT("Input"), OUTPUT("Output"), FEATURE("Feature");

    private final String nutName;

    ReportType(String nutName) {
        this.nutName = nutName;
    }

    /** "Input", "Output" or "Feature", as NUT's HIDDataType prints it. */
    public String nutName() {
        return nutName;
    }
}
