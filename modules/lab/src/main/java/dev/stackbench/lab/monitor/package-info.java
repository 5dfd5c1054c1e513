/**
 * Resource use of a server's whole process tree, sampled from {@code /proc}: CPU in cores and
 * resident memory ({@link dev.stackbench.lab.monitor.TreeMonitor}).
 */
package dev.stackbench.lab.monitor;
