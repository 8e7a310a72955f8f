package dev.prec.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.UUID;

/**
 * Who holds a claim: a process on a host, plus a random token so a reused pid is not mistaken
 * for the old owner.
 *
 * @param token unique per process (and per {@link #withNewToken()} call)
 * @param host the host name
 * @param pid the operating-system process id, {@code pid > 0}
 */
public record Owner(String token, String host, long pid) {

    /** This process, fixed at class load. */
    private static final Owner CURRENT = new Owner(UUID.randomUUID().toString(), hostName(),
            ProcessHandle.current().pid());

    /** @throws IllegalArgumentException if {@code pid <= 0} */
    public Owner {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(host, "host");
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be > 0, got " + pid);
        }
    }

    /** @return the owner standing for this process */
    public static Owner current() {
        return CURRENT;
    }

    /** @return the same process with a fresh token, a distinct owner (for independent executors) */
    public Owner withNewToken() {
        return new Owner(UUID.randomUUID().toString(), host, pid);
    }

    /** @return whether this owner runs on this host and its process has exited */
    boolean isDeadLocally() {
        return host.equals(CURRENT.host) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return env != null ? env : "localhost";
        }
    }
}
