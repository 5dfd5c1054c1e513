package dev.stackbench.results;

/**
 * The machine and runtimes a run measured on. Versions are as the tools print them; a runtime
 * the suite did not use is {@code null}.
 *
 * @param cpuModel e.g. {@code AMD EPYC 7B13}
 * @param cores logical CPUs of the machine
 * @param os e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param kernel e.g. {@code 6.1.0-31-amd64}
 * @param javaVersion the JVM running the generator, e.g. {@code 17.0.15}
 * @param nodeVersion e.g. {@code v20.18.1}, or null
 * @param pythonVersion e.g. {@code 3.11.2}, or null
 * @param generatorCpus the CPU set the generator was pinned to, as applied
 * @param serverCpus the CPU set the contestants were pinned to, as applied
 * @param databaseCpus the CPU set PostgreSQL was pinned to, as applied, or null without a database
 * @param hostname the machine's name
 */
public record Environment(
        String cpuModel,
        int cores,
        String os,
        String kernel,
        String javaVersion,
        String nodeVersion,
        String pythonVersion,
        String generatorCpus,
        String serverCpus,
        String databaseCpus,
        String hostname) {
}
