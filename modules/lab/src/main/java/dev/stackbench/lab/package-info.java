/**
 * The lab: everything between a contestant's directory and a server that answers on a pinned
 * CPU set. Manifests ({@code manifest}), processes and their trees ({@code proc}), the
 * PostgreSQL the contestants read ({@code db}), installing and starting contestants
 * ({@code contestant}), checking them against API spec v1 ({@code verify}) and sampling their
 * CPU and memory ({@code monitor}).
 *
 * <p>Every failure the user can act on is a {@link dev.stackbench.lab.LabException}; its
 * {@link dev.stackbench.lab.LabException.Kind} tells the command line which exit code to use.
 * The lab knows nothing of the load generator.
 */
package dev.stackbench.lab;
