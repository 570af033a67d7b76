package org.knut.admin.web;

/** Bounds on what a form may send before anything reaches a upsd (NUT's own limits are far lower). */
final class FormInput {
    static final int MAX_NAME = 64;
    static final int MAX_VALUE = 256;

    private FormInput() {
    }

    /** Null when the field is acceptable, else why not (an INVALID-ARGUMENT). */
    static String problem(String field, String value, int max, boolean required) {
        if (value == null || value.isEmpty()) {
            return required ? "the form has no " + field : null;
        }
        if (value.length() > max) {
            return field + " is longer than " + max + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return field + " contains a control character";
            }
        }
        return null;
    }
}
