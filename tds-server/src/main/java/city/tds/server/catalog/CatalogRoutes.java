package city.tds.server.catalog;

import static city.tds.core.identity.Role.AUDIT_ADMIN;
import static city.tds.core.identity.Role.CONNECTOR;
import static city.tds.core.identity.Role.LISTING_REVIEWER;
import static city.tds.core.identity.Role.PARTICIPANT_ADMIN;
import static city.tds.core.identity.Role.PARTICIPANT_MEMBER;
import static city.tds.core.identity.Role.SYSTEM_ADMIN;

import city.tds.catalog.AttachmentKind;
import city.tds.catalog.Catalog;
import city.tds.catalog.DataProduct;
import city.tds.catalog.ListingStatus;
import city.tds.catalog.Products;
import city.tds.catalog.search.Facet;
import city.tds.catalog.search.SearchMode;
import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.identity.Principal;
import city.tds.server.http.Access;
import city.tds.server.http.ApiRoutes;
import city.tds.server.http.Callers;
import city.tds.server.http.JsonBody;
import city.tds.server.http.QueryParameters;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The space node's catalog API: zones, resources, products and their listing workflow, search and the DCAT export.
 * Each route declares who may call it; the catalog itself checks what depends on the resource (a provider's own
 * products, the zones a caller may see).
 */
public final class CatalogRoutes implements ApiRoutes {

    static final String BASE = "/api/v1/catalog";

    private final Catalog catalog;
    private final JsonBody json;
    private final URI publicUrl;
    private final String spaceName;
    private final Clock clock;

    public CatalogRoutes(Catalog catalog, JsonBody json, URI publicUrl, String spaceName, Clock clock) {
        this.catalog = catalog;
        this.json = json;
        this.publicUrl = publicUrl;
        this.spaceName = spaceName;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        zones(routes);
        resources(routes);
        products(routes);
        workflow(routes);
        discovery(routes);
    }

    private void zones(RoutesConfig routes) {
        routes.get(
                BASE + "/zones",
                ctx -> ctx.json(catalog.zones().visibleTo(Callers.optional(ctx)).stream()
                        .map(CatalogViews::zone)
                        .toList()),
                Access.PUBLIC);
        routes.get(
                BASE + "/zones/{id}",
                ctx -> ctx.json(CatalogViews.zone(catalog.zones()
                        .zone(ctx.pathParam("id"), Callers.optional(ctx))
                        .orElseThrow())),
                Access.PUBLIC);
        routes.post(
                BASE + "/zones",
                ctx -> ctx.status(201)
                        .json(CatalogViews.zone(catalog.zones()
                                .create(
                                        json.read(ctx, CatalogRequests.ZoneBody.class)
                                                .toSpec(),
                                        Callers.required(ctx))
                                .orElseThrow())),
                Access.anyOf(SYSTEM_ADMIN));
        routes.put(
                BASE + "/zones/{id}",
                ctx -> ctx.json(CatalogViews.zone(catalog.zones()
                        .update(
                                ctx.pathParam("id"),
                                json.read(ctx, CatalogRequests.ZoneBody.class).toSpec(),
                                Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(SYSTEM_ADMIN));
    }

    private void resources(RoutesConfig routes) {
        routes.post(
                BASE + "/resources",
                ctx -> ctx.status(201)
                        .json(CatalogViews.resource(catalog.resources()
                                .register(
                                        json.read(ctx, CatalogRequests.ResourceBody.class)
                                                .toDescription(),
                                        Callers.required(ctx))
                                .orElseThrow())),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER));
        routes.get(
                BASE + "/resources",
                ctx -> ctx.json(catalog.resources().visibleTo(Callers.required(ctx)).stream()
                        .map(CatalogViews::resource)
                        .toList()),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER, LISTING_REVIEWER, AUDIT_ADMIN));
        routes.get(
                BASE + "/resources/{id}",
                ctx -> ctx.json(CatalogViews.resource(catalog.resources()
                        .resource(ctx.pathParam("id"), Callers.required(ctx))
                        .orElseThrow())),
                // a provider's connector reads its own resources to find which source a transfer serves
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER, LISTING_REVIEWER, AUDIT_ADMIN, CONNECTOR));
        routes.put(
                BASE + "/resources/{id}",
                ctx -> ctx.json(CatalogViews.resource(catalog.resources()
                        .update(
                                ctx.pathParam("id"),
                                json.read(ctx, CatalogRequests.ResourceBody.class)
                                        .toDescription(),
                                Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER));
    }

    private void products(RoutesConfig routes) {
        routes.post(
                BASE + "/products",
                ctx -> ctx.status(201)
                        .json(CatalogViews.product(catalog.products()
                                .create(
                                        json.read(ctx, CatalogRequests.ProductBody.class)
                                                .toDraft(),
                                        Callers.required(ctx))
                                .orElseThrow())),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER));
        routes.get(
                BASE + "/products",
                ctx -> {
                    Principal me = Callers.required(ctx);
                    Optional<ListingStatus> status = QueryParameters.optionalEnum(ctx, "status", ListingStatus.class);
                    ctx.json(catalog.products().visibleTo(me).stream()
                            .map(p -> catalog.products()
                                    .view(p.id(), Optional.of(me), null)
                                    .orElseThrow())
                            .filter(view -> status.isEmpty() || view.current().status() == status.get())
                            .map(CatalogViews::product)
                            .toList());
                },
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER, LISTING_REVIEWER, AUDIT_ADMIN, CONNECTOR));
        routes.get(
                BASE + "/products/{id}",
                ctx -> {
                    Optional<Principal> caller = Callers.optional(ctx);
                    ctx.json(CatalogViews.product(catalog.products()
                            .view(ctx.pathParam("id"), caller, catalog.zones().visibleZoneIds(caller))
                            .orElseThrow()));
                },
                Access.PUBLIC);
        routes.put(
                BASE + "/products/{id}/draft",
                ctx -> ctx.json(CatalogViews.version(catalog.products()
                        .updateDraft(
                                ctx.pathParam("id"),
                                json.read(ctx, CatalogRequests.ProductBody.class)
                                        .toDraft(),
                                Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER));
        routes.post(
                BASE + "/products/{id}/attachments",
                ctx -> {
                    AttachmentKind kind = QueryParameters.optionalEnum(ctx, "kind", AttachmentKind.class)
                            .orElseThrow(() -> invalid(
                                    "missing-query-parameter",
                                    "query parameter 'kind' is required: one of "
                                            + Arrays.toString(AttachmentKind.values())));
                    ctx.status(201)
                            .json(CatalogViews.attachment(catalog.products()
                                    .attach(
                                            ctx.pathParam("id"),
                                            kind,
                                            ctx.queryParam("name"),
                                            ctx.contentType(),
                                            ctx.bodyAsBytes(),
                                            Callers.required(ctx))
                                    .orElseThrow()));
                },
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER));
        routes.get(
                BASE + "/products/{id}/versions/{version}/attachments",
                ctx -> ctx.json(
                        catalog
                                .products()
                                .attachments(ctx.pathParam("id"), version(ctx), Callers.required(ctx))
                                .stream()
                                .map(CatalogViews::attachment)
                                .toList()),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER, LISTING_REVIEWER, AUDIT_ADMIN));
        routes.get(
                BASE + "/products/{id}/attachments/{attachmentId}",
                ctx -> ctx.contentType("application/octet-stream")
                        .result(catalog.products()
                                .attachmentContent(
                                        ctx.pathParam("id"), ctx.pathParam("attachmentId"), Callers.required(ctx))
                                .orElseThrow()),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER, LISTING_REVIEWER, AUDIT_ADMIN));
        routes.post(
                BASE + "/products/{id}/revise",
                ctx -> ctx.status(201)
                        .json(CatalogViews.version(catalog.products()
                                .revise(ctx.pathParam("id"), Callers.required(ctx))
                                .orElseThrow())),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER));
    }

    private void workflow(RoutesConfig routes) {
        routes.post(
                BASE + "/products/{id}/submit",
                ctx -> ctx.json(CatalogViews.version(catalog.listing()
                        .submit(ctx.pathParam("id"), Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER));
        routes.post(
                BASE + "/products/{id}/withdraw",
                ctx -> ctx.json(CatalogViews.version(catalog.listing()
                        .withdraw(ctx.pathParam("id"), Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER));
        routes.post(
                BASE + "/products/{id}/review",
                ctx -> {
                    CatalogRequests.Review review = json.read(ctx, CatalogRequests.Review.class);
                    ctx.json(CatalogViews.version(catalog.listing()
                            .review(ctx.pathParam("id"), review.decision(), review.reason(), Callers.required(ctx))
                            .orElseThrow()));
                },
                Access.anyOf(LISTING_REVIEWER));
        routes.post(
                BASE + "/products/{id}/objections",
                ctx -> ctx.status(201)
                        .json(CatalogViews.objection(catalog.listing()
                                .object(
                                        ctx.pathParam("id"),
                                        json.read(ctx, CatalogRequests.Reason.class)
                                                .reason(),
                                        Callers.required(ctx))
                                .orElseThrow())),
                Access.anyOf(PARTICIPANT_ADMIN, PARTICIPANT_MEMBER));
        routes.post(
                BASE + "/products/{id}/objections/{objectionId}/resolution",
                ctx -> {
                    CatalogRequests.Resolution resolution = json.read(ctx, CatalogRequests.Resolution.class);
                    if (resolution.decision() == null) {
                        throw invalid("missing-decision", "decision is UPHOLD or DISMISS");
                    }
                    ctx.json(CatalogViews.objection(catalog.listing()
                            .resolveObjection(
                                    ctx.pathParam("id"),
                                    ctx.pathParam("objectionId"),
                                    resolution.decision() == CatalogRequests.ObjectionDecision.UPHOLD,
                                    resolution.reason(),
                                    Callers.required(ctx))
                            .orElseThrow()));
                },
                Access.anyOf(LISTING_REVIEWER));
        routes.get(
                BASE + "/notices",
                ctx -> ctx.json(
                        catalog.products().inNotice(catalog.zones().visibleZoneIds(Callers.optional(ctx))).stream()
                                .map(CatalogViews::version)
                                .toList()),
                Access.PUBLIC);
        routes.post(
                BASE + "/notices/conclude",
                ctx -> ctx.json(catalog.listing().concludeNotices(Callers.required(ctx)).stream()
                        .map(CatalogViews::version)
                        .toList()),
                Access.anyOf(LISTING_REVIEWER));
        routes.post(
                BASE + "/products/{id}/suspend",
                ctx -> ctx.json(CatalogViews.version(catalog.listing()
                        .suspend(ctx.pathParam("id"), reason(ctx), Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(LISTING_REVIEWER));
        routes.post(
                BASE + "/products/{id}/reinstate",
                ctx -> ctx.json(CatalogViews.version(catalog.listing()
                        .reinstate(ctx.pathParam("id"), reason(ctx), Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(LISTING_REVIEWER));
        routes.post(
                BASE + "/products/{id}/delist",
                ctx -> ctx.json(CatalogViews.version(catalog.listing()
                        .delist(ctx.pathParam("id"), reason(ctx), Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(PARTICIPANT_ADMIN, LISTING_REVIEWER));
    }

    private void discovery(RoutesConfig routes) {
        routes.get(BASE + "/search", this::search, Access.PUBLIC);
        routes.get(
                BASE + "/dcat",
                ctx -> ctx.contentType("application/ld+json")
                        .result(json.mapper()
                                .writeValueAsBytes(catalog.dcat().export(publicUrl, spaceName, clock.instant()))),
                Access.PUBLIC);
        routes.post(
                BASE + "/index/rebuild",
                ctx -> {
                    var rebuild = catalog.indexer().rebuild();
                    ctx.json(Map.of(
                            "products", rebuild.products(),
                            "embedded", rebuild.embedded(),
                            "revision", rebuild.revision()));
                },
                Access.anyOf(SYSTEM_ADMIN));
    }

    private void search(Context ctx) {
        Optional<Principal> caller = Callers.optional(ctx);
        Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<String> values = ctx.queryParams(facet.param());
            if (!values.isEmpty()) {
                filters.put(facet, new LinkedHashSet<>(values));
            }
        }
        SearchMode mode =
                QueryParameters.optionalEnum(ctx, "mode", SearchMode.class).orElse(SearchMode.HYBRID);
        int offset = (int) Math.min(
                Integer.MAX_VALUE, QueryParameters.optionalLong(ctx, "offset").orElse(0));
        int limit = (int) Math.min(
                Integer.MAX_VALUE, QueryParameters.optionalLong(ctx, "limit").orElse(10));
        var results = catalog.queries()
                .search(ctx.queryParam("q"), mode, filters, offset, limit, caller)
                .orElseThrow();
        Set<String> visible = catalog.zones().visibleZoneIds(caller);
        ctx.json(CatalogViews.results(results, productId -> {
            var view = catalog.products().view(productId, Optional.empty(), visible);
            return view.isOk() ? listedOnly(view.value()) : Optional.empty();
        }));
    }

    private static Optional<Products.ProductView> listedOnly(Products.ProductView view) {
        DataProduct p = view.product();
        var listed = view.versions().stream()
                .filter(v -> v.status() == ListingStatus.LISTED)
                .toList();
        return listed.isEmpty() ? Optional.empty() : Optional.of(new Products.ProductView(p, listed));
    }

    private String reason(Context ctx) {
        return json.read(ctx, CatalogRequests.Reason.class).reason();
    }

    private static int version(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw invalid("invalid-version", "version must be a number, got '" + ctx.pathParam("version") + "'");
        }
    }

    private static ProblemException invalid(String code, String detail) {
        return new ProblemException(Problem.invalidInput(code, detail));
    }
}
