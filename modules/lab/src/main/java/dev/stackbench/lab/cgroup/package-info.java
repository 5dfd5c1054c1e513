/**
 * cgroups for servers, as root: one per contestant and one for PostgreSQL, children of the
 * cgroup Stackbench runs in, so that the kernel accounts their CPU and memory (short-lived
 * children included) and pins them ({@code cpuset}). {@link dev.stackbench.lab.cgroup.Cgroups}
 * finds what the machine offers (v1 or v2) and makes them; {@link dev.stackbench.lab.cgroup.Cgroup}
 * reads and removes one.
 */
package dev.stackbench.lab.cgroup;
