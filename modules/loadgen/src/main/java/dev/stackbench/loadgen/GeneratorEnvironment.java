package dev.stackbench.loadgen;

/**
 * Where the generator ran.
 *
 * @param javaVersion    the JVM's version
 * @param os             OS name, version and architecture
 * @param cpuModel       from /proc/cpuinfo, or "unknown"
 * @param onlineCpus     CPUs of the machine
 * @param generatorCpus  the CPUs this process may run on, as a list such as {@code 0} or {@code 0-3}
 * @param transport      {@code epoll} (native) or {@code nio}
 */
public record GeneratorEnvironment(String javaVersion, String os, String cpuModel, int onlineCpus,
                                   String generatorCpus, String transport) {

    /** @return where this process runs now */
    public static GeneratorEnvironment current() {
        return new LoadGenerator(LoadSpec.builder(java.net.URI.create("http://127.0.0.1/")).connections(1).build()).environment();
    }
}
