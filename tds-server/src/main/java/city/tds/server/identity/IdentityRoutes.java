package city.tds.server.identity;

import static city.tds.core.identity.Role.AUDIT_ADMIN;
import static city.tds.core.identity.Role.LISTING_REVIEWER;
import static city.tds.core.identity.Role.ONBOARDING_REVIEWER;
import static city.tds.core.identity.Role.PARTICIPANT_ADMIN;
import static city.tds.core.identity.Role.SECURITY_ADMIN;
import static city.tds.core.identity.Role.SYSTEM_ADMIN;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.Result;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.identity.AccessTokens;
import city.tds.identity.ApplicationForm;
import city.tds.identity.ApplicationStatus;
import city.tds.identity.Identity;
import city.tds.identity.Onboarding;
import city.tds.server.http.Access;
import city.tds.server.http.ApiRoutes;
import city.tds.server.http.Callers;
import city.tds.server.http.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The space node's identity API: onboarding, login and tokens, accounts, participants, credentials and the trust
 * list. Each route declares who may call it; handlers add the checks that depend on the resource.
 */
public final class IdentityRoutes implements ApiRoutes {

    private final Identity identity;
    private final JsonBody json;

    public IdentityRoutes(Identity identity, JsonBody json) {
        this.identity = identity;
        this.json = json;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        onboarding(routes);
        authentication(routes);
        accounts(routes);
        participants(routes);
        credentialsAndTrust(routes);
    }

    private void onboarding(RoutesConfig routes) {
        routes.post("/api/v1/onboarding/applications", this::apply, Access.PUBLIC);
        routes.get(
                "/api/v1/onboarding/applications",
                ctx -> {
                    String status = ctx.queryParam("status");
                    ApplicationStatus filter =
                            status == null ? null : enumValue(ApplicationStatus.class, status, "status");
                    ctx.json(identity.onboarding().applications(filter).stream()
                            .map(IdentityViews::application)
                            .toList());
                },
                Access.anyOf(ONBOARDING_REVIEWER, AUDIT_ADMIN));
        routes.get(
                "/api/v1/onboarding/applications/{id}",
                ctx -> ctx.json(IdentityViews.application(
                        identity.onboarding().application(ctx.pathParam("id")).orElseThrow())),
                Access.anyOf(ONBOARDING_REVIEWER, AUDIT_ADMIN));
        routes.get(
                "/api/v1/onboarding/applications/{id}/status",
                ctx -> ctx.json(IdentityViews.application(identity.onboarding()
                        .applicationForApplicant(ctx.pathParam("id"), ctx.header("X-Application-Token"))
                        .orElseThrow())),
                Access.PUBLIC);
        routes.put(
                "/api/v1/onboarding/applications/{id}",
                ctx -> ctx.json(IdentityViews.application(identity.onboarding()
                        .resubmit(
                                ctx.pathParam("id"),
                                ctx.header("X-Application-Token"),
                                form(json.read(ctx, IdentityRequests.Apply.class)))
                        .orElseThrow())),
                Access.PUBLIC);
        routes.get(
                "/api/v1/onboarding/applications/{id}/documents/{documentId}",
                ctx -> ctx.contentType("application/octet-stream")
                        .result(identity.onboarding()
                                .document(ctx.pathParam("id"), ctx.pathParam("documentId"))
                                .orElseThrow()),
                Access.anyOf(ONBOARDING_REVIEWER, AUDIT_ADMIN));
        routes.post(
                "/api/v1/onboarding/applications/{id}/decision",
                ctx -> {
                    IdentityRequests.Decide decide = json.read(ctx, IdentityRequests.Decide.class);
                    if (decide.decision() == null) {
                        throw invalid("decision-required", "decision is APPROVE, REJECT or REQUEST_INFO");
                    }
                    ctx.json(IdentityViews.application(identity.onboarding()
                            .decide(
                                    ctx.pathParam("id"),
                                    decide.decision(),
                                    decide.reason(),
                                    decide.roles(),
                                    Callers.required(ctx))
                            .orElseThrow()));
                },
                Access.anyOf(ONBOARDING_REVIEWER));
    }

    private void apply(Context ctx) {
        Onboarding.Submitted submitted = identity.onboarding()
                .apply(form(json.read(ctx, IdentityRequests.Apply.class)))
                .orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>(IdentityViews.application(submitted.application()));
        body.put("statusToken", submitted.statusToken());
        ctx.status(201).json(body);
    }

    private void authentication(RoutesConfig routes) {
        routes.post(
                "/api/v1/auth/login",
                ctx -> {
                    IdentityRequests.Login login = json.read(ctx, IdentityRequests.Login.class);
                    var user = identity.accounts()
                            .authenticate(login.username(), login.password())
                            .orElseThrow();
                    ctx.json(grant(identity.tokens().forUser(user)));
                },
                Access.PUBLIC);
        routes.post(
                "/api/v1/auth/refresh",
                ctx -> ctx.json(grant(identity.tokens()
                        .refresh(json.read(ctx, IdentityRequests.Refresh.class).refreshToken())
                        .orElseThrow())),
                Access.PUBLIC);
        routes.post(
                AccessTokens.TOKEN_PATH,
                ctx -> {
                    if (!"client_credentials".equals(ctx.formParam("grant_type"))) {
                        throw invalid("unsupported-grant-type", "grant_type must be client_credentials");
                    }
                    if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                            .equals(ctx.formParam("client_assertion_type"))) {
                        throw invalid(
                                "invalid-client-assertion-type",
                                "client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
                    }
                    ctx.json(grant(identity.tokens()
                            .forClientAssertion(ctx.formParam("client_assertion"))
                            .orElseThrow()));
                },
                Access.PUBLIC);
    }

    private void accounts(RoutesConfig routes) {
        routes.get(
                "/api/v1/users/me",
                ctx -> {
                    Principal me = Callers.required(ctx);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("subject", me.subject());
                    body.put("participantId", me.participantId());
                    body.put(
                            "roles",
                            me.roles().stream().map(Enum::name).sorted().toList());
                    body.put("expiresAt", me.expiresAt());
                    identity.accounts().user(me.subject()).ifPresent(u -> body.put("username", u.username()));
                    ctx.json(body);
                },
                Access.AUTHENTICATED);
        routes.post(
                "/api/v1/users/me/password",
                ctx -> {
                    IdentityRequests.ChangePassword change = json.read(ctx, IdentityRequests.ChangePassword.class);
                    identity.accounts()
                            .changePassword(Callers.required(ctx), change.currentPassword(), change.newPassword())
                            .orElseThrow();
                    ctx.status(204);
                },
                Access.AUTHENTICATED);
        routes.get(
                "/api/v1/users",
                ctx -> ctx.json(identity.accounts().visibleTo(Callers.required(ctx)).stream()
                        .map(IdentityViews::user)
                        .toList()),
                Access.anyOf(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN, PARTICIPANT_ADMIN));
        routes.post(
                "/api/v1/users",
                ctx -> {
                    IdentityRequests.CreateUser create = json.read(ctx, IdentityRequests.CreateUser.class);
                    ctx.status(201)
                            .json(IdentityViews.user(identity.accounts()
                                    .create(create.username(), create.password(), create.roles(), Callers.required(ctx))
                                    .orElseThrow()));
                },
                Access.anyOf(SYSTEM_ADMIN, PARTICIPANT_ADMIN));
        routes.post(
                "/api/v1/users/{id}/unlock",
                ctx -> ctx.json(IdentityViews.user(identity.accounts()
                        .unlock(ctx.pathParam("id"), Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(SECURITY_ADMIN, PARTICIPANT_ADMIN));
    }

    private void participants(RoutesConfig routes) {
        routes.get(
                "/api/v1/participants",
                ctx -> ctx.json(identity.participants().all().stream()
                        .map(IdentityViews::participant)
                        .toList()),
                Access.anyOf(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN, ONBOARDING_REVIEWER, LISTING_REVIEWER));
        routes.get(
                "/api/v1/participants/{id}",
                ctx -> ctx.json(IdentityViews.participant(identity.participants()
                        .visibleTo(ctx.pathParam("id"), Callers.required(ctx))
                        .orElseThrow())),
                Access.AUTHENTICATED);
        routes.post(
                "/api/v1/participants/{id}/suspension",
                ctx -> ctx.json(IdentityViews.participant(identity.onboarding()
                        .suspend(
                                ctx.pathParam("id"),
                                json.read(ctx, IdentityRequests.Reason.class).reason(),
                                Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(ONBOARDING_REVIEWER));
        routes.delete(
                "/api/v1/participants/{id}/suspension",
                ctx -> ctx.json(IdentityViews.participant(identity.onboarding()
                        .reinstate(ctx.pathParam("id"), "reinstated", Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(ONBOARDING_REVIEWER));
        routes.get(
                "/api/v1/participants/{id}/clients",
                ctx -> {
                    String id = visibleParticipant(ctx);
                    ctx.json(identity.participants().clients(id).stream()
                            .map(IdentityViews::client)
                            .toList());
                },
                Access.AUTHENTICATED);
        routes.post(
                "/api/v1/participants/{id}/clients",
                ctx -> ctx.status(201)
                        .json(IdentityViews.client(identity.participants()
                                .registerClient(
                                        ctx.pathParam("id"),
                                        json.read(ctx, IdentityRequests.Client.class)
                                                .publicKey(),
                                        Callers.required(ctx))
                                .orElseThrow())),
                Access.anyOf(PARTICIPANT_ADMIN));
        routes.get(
                "/api/v1/participants/{id}/credential",
                ctx -> {
                    String id = visibleParticipant(ctx);
                    ctx.json(IdentityViews.credential(identity.credentials()
                            .current(id)
                            .orElseThrow(() -> new ProblemException(
                                    Problem.notFound("no-credential", "participant " + id + " has no credential")))));
                },
                Access.AUTHENTICATED);
        routes.post(
                "/api/v1/participants/{id}/credential",
                ctx -> ctx.status(201)
                        .json(IdentityViews.credential(identity.credentials()
                                .reissue(ctx.pathParam("id"), Callers.required(ctx))
                                .orElseThrow())),
                Access.anyOf(SECURITY_ADMIN));
        routes.post(
                "/api/v1/participants/{id}/credential/revocation",
                ctx -> ctx.json(IdentityViews.credential(identity.credentials()
                        .revoke(
                                ctx.pathParam("id"),
                                json.read(ctx, IdentityRequests.Reason.class).reason(),
                                Callers.required(ctx))
                        .orElseThrow())),
                Access.anyOf(SECURITY_ADMIN));
    }

    private void credentialsAndTrust(RoutesConfig routes) {
        routes.get(
                "/api/v1/credentials/status/1",
                ctx -> ctx.contentType("application/jwt")
                        .result(identity.credentials().statusListCredential()),
                Access.PUBLIC);
        routes.post(
                "/api/v1/credentials/verification",
                ctx -> {
                    var check = identity.credentials()
                            .verify(json.read(ctx, IdentityRequests.Presented.class)
                                    .credential());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("valid", check.valid());
                    body.put("reason", check.valid() ? null : check.reason());
                    body.put("claims", check.claims());
                    ctx.json(body);
                },
                Access.PUBLIC);
        routes.get("/api/v1/trust/issuers", ctx -> ctx.json(identity.trustList().issuers()), Access.PUBLIC);
        routes.post(
                "/api/v1/trust/issuers",
                ctx -> {
                    IdentityRequests.Issuer issuer = json.read(ctx, IdentityRequests.Issuer.class);
                    ctx.status(201)
                            .json(identity.trustList()
                                    .add(
                                            issuer.issuerId(),
                                            issuer.name(),
                                            issuer.suite(),
                                            issuer.publicKey(),
                                            Callers.required(ctx))
                                    .orElseThrow());
                },
                Access.anyOf(SECURITY_ADMIN));
        routes.delete(
                "/api/v1/trust/issuers",
                ctx -> {
                    String issuerId = ctx.queryParam("issuerId");
                    if (issuerId == null) {
                        throw invalid("missing-query-parameter", "query parameter 'issuerId' is required");
                    }
                    identity.trustList().remove(issuerId, Callers.required(ctx)).orElseThrow();
                    ctx.status(204);
                },
                Access.anyOf(SECURITY_ADMIN));
    }

    /** The path's participant, if the caller may see it (operator staff, or its own people and machines). */
    private String visibleParticipant(Context ctx) {
        return identity.participants()
                .visibleTo(ctx.pathParam("id"), Callers.required(ctx))
                .orElseThrow()
                .id();
    }

    private static Map<String, Object> grant(AccessTokens.Grant grant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", grant.accessToken());
        body.put("tokenType", "Bearer");
        body.put("expiresIn", grant.expiresIn());
        if (grant.refreshToken() != null) {
            body.put("refreshToken", grant.refreshToken());
        }
        body.put("participantId", grant.principal().participantId());
        body.put(
                "roles",
                grant.principal().roles().stream().map(Role::name).sorted().toList());
        return body;
    }

    private static ApplicationForm form(IdentityRequests.Apply apply) {
        List<ApplicationForm.Document> documents = new ArrayList<>();
        if (apply.documents() != null) {
            for (IdentityRequests.Document d : apply.documents()) {
                if (d == null || d.contentBase64() == null) {
                    throw invalid("invalid-document", "each document needs contentBase64");
                }
                try {
                    documents.add(new ApplicationForm.Document(
                            d.name(), d.mediaType(), Base64.getDecoder().decode(d.contentBase64())));
                } catch (IllegalArgumentException e) {
                    throw invalid("invalid-document", "document '" + d.name() + "' is not base64");
                }
            }
        }
        IdentityRequests.Contact contact = apply.contact();
        return new ApplicationForm(
                apply.organizationName(),
                apply.creditCode(),
                apply.organizationType(),
                apply.industry(),
                contact == null
                        ? null
                        : new city.tds.identity.Application.Contact(contact.name(), contact.phone(), contact.email()),
                apply.roles(),
                apply.adminUsername(),
                apply.adminPassword(),
                apply.connectorKey(),
                documents);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("invalid-query-parameter", "query parameter '" + name + "' has no value '" + value + "'");
        }
    }

    private static ProblemException invalid(String code, String detail) {
        return new ProblemException(Problem.invalidInput(code, detail));
    }

    static Result<Void> ok() {
        return Result.ok(null);
    }
}
