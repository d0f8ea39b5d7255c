/** The ODRL 2.2 subset TDS understands: model, JSON-LD reading and writing, and validation. */
package city.tds.policy;
