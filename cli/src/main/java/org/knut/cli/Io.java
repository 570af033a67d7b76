package org.knut.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The terminal a tool talks to: stdout, stderr, stdin and, when there is one, the console for password
 * prompts. Tests build one over in-memory streams; {@link #system()} is the real process's.
 */
public final class Io {
    private final PrintWriter out;
    private final PrintWriter err;
    private final BufferedReader in;
    private final Console console;

    public Io(InputStream in, OutputStream out, OutputStream err, Console console) {
        Charset cs = Charset.defaultCharset();
        this.in = new BufferedReader(new InputStreamReader(in, cs));
        this.out = new PrintWriter(new OutputStreamWriter(out, cs), false);
        this.err = new PrintWriter(new OutputStreamWriter(err, cs), true);
        this.console = console;
    }

    public static Io system() {
        return new Io(System.in, System.out, System.err, System.console());
    }

    public PrintWriter out() {
        return out;
    }

    /** stderr; stdout is flushed first so that both appear in the order they were written. */
    public PrintWriter err() {
        out.flush();
        return err;
    }

    /** Prints {@code prompt} on stdout and reads one line of stdin; null at end of input. */
    public String prompt(String prompt) throws IOException {
        out.print(prompt);
        out.flush();
        return in.readLine();
    }

    /**
     * Reads a password as getpass(3) does: from the console without echo when there is one, else the
     * prompt goes to stderr and the password is a line of stdin. Null at end of input.
     */
    public String password(String prompt) throws IOException {
        out.flush();
        if (console != null) {
            char[] pw = console.readPassword("%s", prompt);
            return pw == null ? null : new String(pw);
        }
        err.print(prompt);
        err.flush();
        return in.readLine();
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
