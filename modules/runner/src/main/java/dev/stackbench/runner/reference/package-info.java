/** The drift reference: a fixed server measured under the same load between rounds. */
package dev.stackbench.runner.reference;
