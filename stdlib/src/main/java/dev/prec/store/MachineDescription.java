package dev.prec.store;

/** The one-line description of this machine stored with each result. */
public final class MachineDescription {

    private MachineDescription() {
    }

    /** @return operating system, architecture, core count, Java version and host name */
    public static String current() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + Runtime.version() + ", host " + Owner.current().host();
    }
}
