package org.knut.driver.megatec;

import java.util.ArrayList;
import java.util.List;

import org.knut.core.text.CNumbers;

/**
 * The space-separated fields after a reply's start character, as blazer reads them with strtok: runs
 * of separators count as one, a field not made of digits and dots is skipped (its value is null and
 * the variable keeps its old value), a missing field makes the whole reply bad.
 *
 * @param values the numeric fields, null where a field was not numeric
 * @param tail the field after them, or null when none was asked for
 */
record NumericFields(List<Double> values, String tail) {

    /**
     * @param reply the reply line without its CR
     * @param start the character it must begin with
     * @param minLength the shortest acceptable reply, CR included (blazer's check)
     * @param count how many numeric fields to read
     * @param withTail whether one more (non-numeric) field must follow
     */
    static NumericFields read(String reply, char start, int minLength, int count, boolean withTail) throws BadReply {
        if (reply.length() + 1 < minLength) {
            throw new BadReply("short reply");
        }
        if (reply.charAt(0) != start) {
            throw new BadReply(String.format("invalid start character [%02x]", (int) reply.charAt(0)));
        }
        List<String> tokens = new ArrayList<>();
        for (String t : reply.substring(1).split("[ \n]")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        if (tokens.size() < count + (withTail ? 1 : 0)) {
            throw new BadReply("parsing failed");
        }
        List<Double> values = new ArrayList<>(count);
        for (String t : tokens.subList(0, count)) {
            values.add(t.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')) ? CNumbers.strtod(t) : null);
        }
        return new NumericFields(values, withTail ? tokens.get(count) : null);
    }
}
