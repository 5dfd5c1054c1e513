/**
 * The articles' claims, fact-checked: the catalog ({@code claims/claims.yaml}, read strictly by
 * {@link dev.stackbench.analysis.claims.CatalogReader}) and the verdicts, pure functions of an
 * analysed run ({@link dev.stackbench.analysis.claims.ClaimsJudge#judge}).
 *
 * <p>A measurable claim names its cells (two contestant groups, a workload, a load level), the
 * quantity compared and a rule with its threshold. Its verdict is {@code holds} or {@code fails}
 * only when the {@value dev.stackbench.analysis.Spread#CONFIDENCE_PERCENT}% interval of the
 * paired-by-round ratio lies entirely on one side of the threshold for every pair of contestants;
 * {@code depends} when it holds for some pairs and fails for others; otherwise
 * {@code inconclusive on this run}, with what would settle it. docs/claims.md describes the file
 * and the rules.
 */
package dev.stackbench.analysis.claims;
