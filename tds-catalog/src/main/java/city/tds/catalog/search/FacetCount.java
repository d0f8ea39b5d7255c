package city.tds.catalog.search;

/** How many products of a match set carry one facet value. */
public record FacetCount(String value, long count) {}
