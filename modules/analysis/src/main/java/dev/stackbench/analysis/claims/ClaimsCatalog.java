package dev.stackbench.analysis.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims catalog ({@code claims/claims.yaml}), validated: every claim's seed, groups and
 * contradiction links exist.
 *
 * @param version the catalog's own version ({@value CatalogReader#VERSION} for this reader)
 * @param seeds the seed article files, e.g. {@code 000_ad2dada82ea941c5.txt}
 * @param groups contestant groups by name, in file order
 * @param claims every claim, in file order
 */
public record ClaimsCatalog(int version, List<String> seeds, Map<String, Group> groups, List<Claim> claims) {
    public ClaimsCatalog {
        seeds = List.copyOf(seeds);
        groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
        claims = List.copyOf(claims);
    }

    /** @return the claim with this id */
    public Optional<Claim> claim(String id) {
        return claims.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** @return the claims of one seed file, in file order */
    public List<Claim> ofSeed(String seed) {
        return claims.stream().filter(c -> c.seed().equals(seed)).toList();
    }
}
