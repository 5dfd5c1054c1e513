/**
 * The lab: everything between a contestant's directory and a server that answers on a pinned
 * CPU set. Manifests ({@code manifest}), processes and their trees ({@code proc}), the
 * PostgreSQL the contestants read ({@code db}), installing and starting contestants
 * ({@code contestant}), checking them against API spec v1 ({@code verify}), running each in a
 * cgroup of its own as root ({@code cgroup}), measuring their CPU and memory over a trial's
 * window ({@code monitor}) and noticing when a contestant or the database goes down during one
 * ({@link dev.stackbench.lab.contestant.TrialWatch}).
 *
 * <p>Every failure the user can act on is a {@link dev.stackbench.lab.LabException}; its
 * {@link dev.stackbench.lab.LabException.Kind} tells the command line which exit code to use.
 * The lab knows nothing of the load generator.
 */
package dev.stackbench.lab;
