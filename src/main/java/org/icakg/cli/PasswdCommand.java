package org.icakg.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.icakg.write.PasswordHash;

/**
 * {@code passwd USER}: reads a password from standard input (its first line) and prints the users-file line that lets
 * USER write with it, the password kept as salted PBKDF2.
 */
final class PasswdCommand {

    static final String USAGE = "passwd USER < password                           print a users-file line for USER";

    private PasswdCommand() {}

    static int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
        Args args = Args.parse(argv, Set.of(), Set.of());
        if (args.positional().size() != 1)
            throw new Args.UsageException("passwd needs one USER, and the password on standard input");
        String user = args.positional().get(0);
        if (user.isEmpty() || user.contains(":") || user.contains(",") || user.strip().length() != user.length())
            throw new Args.UsageException("a user name cannot be empty, hold ':' or ',' or start or end with a space");
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            err.println("error: cannot read the password from standard input: " + e.getMessage());
            return 2;
        }
        if (password == null || password.isEmpty()) {
            err.println("error: no password on standard input (for example: echo -n 'secret' | java -jar "
                    + "target/ica-kg.jar passwd " + user + ", or type it and press Enter)");
            return 2;
        }
        out.println(user + ":" + PasswordHash.of(password.toCharArray()).encoded());
        return 0;
    }
}
