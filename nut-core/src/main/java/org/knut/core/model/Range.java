package org.knut.core.model;

/** One allowed interval of a RANGE variable, kept as the strings the driver sent. */
public record Range(String min, String max) {
    public boolean contains(String value) {
        try {
            double v = Double.parseDouble(value);
            return v >= Double.parseDouble(min) && v <= Double.parseDouble(max);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
