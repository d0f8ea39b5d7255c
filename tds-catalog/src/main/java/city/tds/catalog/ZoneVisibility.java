package city.tds.catalog;

/** Who may see a zone and the products listed in it. */
public enum ZoneVisibility {
    /** 公开: anyone, without signing in; its products are in the public DCAT catalog. */
    PUBLIC,
    /** 空间内可见: any signed-in participant of the space. */
    PARTICIPANTS,
    /** 受限: only participants the zone's viewer rule admits (and the lead organisation). */
    RESTRICTED
}
