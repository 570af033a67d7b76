package org.knut.cli;

import java.io.IOException;

import org.knut.core.client.NutClient;
import org.knut.core.protocol.NutException;

/** The NUT user of upscmd and upsrw: from -u/-p, else asked for on the terminal as the real tools do. */
record Credentials(String user, String password) {

    /**
     * Fills in what -u and -p did not give. An empty answer to {@code Username (login): } means the login
     * name; at end of input upscmd gives up while upsrw takes the login name.
     */
    static Credentials ask(Io io, String user, String password, boolean endOfInputIsFatal) {
        try {
            if (user == null) {
                String login = System.getProperty("user.name");
                String line = io.prompt("Username (" + login + "): ");
                if (line == null && endOfInputIsFatal) {
                    throw new Fatal("Error reading from stdin!");
                }
                user = line == null || line.isEmpty() ? login : line;
            }
            if (password == null) {
                password = io.password("Password: ");
                if (password == null) {
                    throw new Fatal("getpass failed: end of input");
                }
            }
            return new Credentials(user, password);
        } catch (IOException e) {
            throw new Fatal("Error reading from stdin!");
        }
    }

    /**
     * Sends USERNAME and PASSWORD. Like NUT 2.8's tools, a refusal here is not checked: the command that
     * needs the login reports it (ACCESS-DENIED, USERNAME-REQUIRED, ...). A lost connection is fatal.
     */
    void send(NutClient c) {
        try {
            c.request("USERNAME", user);
        } catch (NutException e) {
            // reported by the next command
        } catch (IOException e) {
            throw new Fatal("Set username failed: " + UpscliError.of(e));
        }
        try {
            c.request("PASSWORD", password);
        } catch (NutException e) {
            // reported by the next command
        } catch (IOException e) {
            throw new Fatal("Set password failed: " + UpscliError.of(e));
        }
    }
}
