/**
 * Linux processes: CPU sets ({@link dev.stackbench.lab.proc.CpuSet}), the {@code /proc} table
 * ({@link dev.stackbench.lab.proc.ProcTable}), server processes started pinned in their own
 * session and stopped with their whole tree ({@link dev.stackbench.lab.proc.ServerProcess}), and
 * short commands with a time limit ({@link dev.stackbench.lab.proc.CommandRunner}). Linux only.
 */
package dev.stackbench.lab.proc;
