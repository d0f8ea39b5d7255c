/**
 * Masking (脱敏): algorithms that hide or transform one value ({@link city.tds.governance.mask.MaskingAlgorithm}),
 * and masking profiles that say which algorithm applies to which column of a table
 * ({@link city.tds.governance.mask.MaskingProfile}), bound to a header as a {@link
 * city.tds.governance.mask.RowMasker}.
 *
 * <p>Every algorithm maps {@code null} to {@code null} and the empty string to the empty string, is thread-safe, and
 * never returns an input it could not interpret: such a value comes back as one {@code *} per code point.
 */
package city.tds.governance.mask;
