/**
 * Sensitive-data detection with validation: one {@link city.tds.governance.detect.Detector} per
 * {@link city.tds.governance.detect.SensitiveKind}, a per-column accumulator
 * {@link city.tds.governance.detect.ColumnDetection} and column-name hints.
 *
 * <p>Detectors check structure (check characters, calendars, allocated number ranges, dictionaries), not only
 * shape. Each value gets one cheap character-class pass ({@link city.tds.governance.detect.ValueShape}); only the
 * detectors whose shape can match run, without regular expressions or allocation on that path.
 */
package city.tds.governance.detect;
