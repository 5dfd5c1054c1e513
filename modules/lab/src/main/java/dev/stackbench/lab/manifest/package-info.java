/**
 * Contestant manifests: {@code contestants/<id>/contestant.yaml} parsed into records
 * ({@link dev.stackbench.lab.manifest.Manifest}) and validated with errors that name the file,
 * the field, the value and what was expected ({@link dev.stackbench.lab.manifest.ManifestReader}),
 * and the directory of them ({@link dev.stackbench.lab.manifest.Catalog}). The format is
 * documented in {@code docs/contestants.md}.
 */
package dev.stackbench.lab.manifest;
