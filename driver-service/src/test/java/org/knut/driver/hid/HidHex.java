package org.knut.driver.hid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knut.core.testing.SharedDir;

/** Reads {@code .hex} descriptor files (those of ../shared/testdata/hid and ours): hex bytes, {@code #} comments. */
public final class HidHex {
    private HidHex() {
    }

    public static byte[] read(String name) {
        return read(SharedDir.resolve("testdata/hid/" + name));
    }

    public static byte[] read(Path file) {
        try {
            StringBuilder hex = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                int comment = line.indexOf('#');
                hex.append(comment < 0 ? line : line.substring(0, comment)).append(' ');
            }
            return bytes(hex.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "0c 64 11" to bytes. */
    public static byte[] bytes(String hex) {
        String[] w = hex.trim().split("\\s+");
        if (w.length == 1 && w[0].isEmpty()) {
            return new byte[0];
        }
        byte[] out = new byte[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (byte) Integer.parseInt(w[i], 16);
        }
        return out;
    }
}
