/** Catalog and listing: data resources, data products, the listing workflow, zones, search and DCAT export. */
package city.tds.catalog;
