package city.tds.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.catalog.search.CatalogIndex;
import city.tds.catalog.search.Facet;
import city.tds.catalog.search.SearchMode;
import city.tds.catalog.search.SearchResults;
import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.id.TimeOrderedIdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.core.testkit.MutableClock;
import city.tds.crypto.CryptoSuite;
import city.tds.crypto.GmSuite;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.EvidenceSettings;
import city.tds.evidence.log.JdbiEvidenceStore;
import city.tds.policy.DeliveryMode;
import city.tds.store.DatabaseContract;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Zones, resources, products and the listing workflow on a real database, with their evidence and search index. */
public abstract class CatalogContract extends DatabaseContract {

    static final String BANK = "p-bank";
    static final String TAX = "p-tax";
    static final String HOSPITAL = "p-hospital";
    static final String OPERATOR_LEAD = "p-group";

    static final String POLICY = """
            {"@context": ["http://www.w3.org/ns/odrl.jsonld", {"tds": "https://tds.city/ns/policy#"}],
             "@type": "Offer", "uid": "urn:tds:policy:tax-credit",
             "permission": [{"action": "use", "constraint": [
                {"leftOperand": "purpose", "operator": "isAnyOf", "rightOperand": ["tds:purpose/credit-risk"]},
                {"leftOperand": "deliveryChannel", "operator": "isAnyOf",
                 "rightOperand": ["tds:sandbox", "tds:privacyComputing"]},
                {"leftOperand": "count", "operator": "lteq", "rightOperand": 1000}]}],
             "prohibition": [{"action": "distribute"}]}
            """;

    protected final MutableClock clock = MutableClock.startingAt("2026-12-01T02:00:00Z");
    protected final CryptoSuite suite = new GmSuite(new SecureRandom());
    protected final FakeDirectory directory = new FakeDirectory()
            .add(TAX, "市税务数据服务中心", "公共管理", "conn-tax")
            .add(BANK, "城商银行股份有限公司", "金融业", "conn-bank")
            .add(HOSPITAL, "市第一人民医院", "卫生", "conn-hospital")
            .add(OPERATOR_LEAD, "市数据集团", "数据服务");
    protected final HashingEmbedder embedder = new HashingEmbedder();
    protected EvidenceLog evidence;
    protected CatalogIndex index;
    protected Catalog catalog;
    protected JdbiCatalogStore store;

    protected final Principal sysadmin = staff("sysadmin", Role.SYSTEM_ADMIN);
    protected final Principal reviewer = staff("reviewer", Role.LISTING_REVIEWER);
    protected final Principal taxStaff = member("tax-user", TAX, Role.PARTICIPANT_ADMIN);
    protected final Principal bankStaff = member("bank-user", BANK, Role.PARTICIPANT_ADMIN);
    protected final Principal hospitalStaff = member("hospital-user", HOSPITAL, Role.PARTICIPANT_MEMBER);

    protected Zone finance;
    protected Zone medical;

    @BeforeEach
    void openCatalog() {
        var spaceKey = suite.generateSigningKeyPair();
        evidence = new EvidenceLog(
                new JdbiEvidenceStore(database, suite.hashLength()),
                database.unitOfWork(),
                suite,
                spaceKey,
                clock,
                EvidenceSettings.DEFAULT);
        index = CatalogIndex.inMemory(embedder.dimensions());
        store = new JdbiCatalogStore(database);
        catalog = newCatalog(index);
        finance = catalog.zones()
                .create(
                        new ZoneSpec(
                                "finance",
                                "金融服务专区",
                                "普惠金融、信贷风控",
                                OPERATOR_LEAD,
                                ZoneRule.EVERY_PARTICIPANT,
                                ZoneVisibility.PUBLIC,
                                null),
                        sysadmin)
                .orElseThrow();
        medical = catalog.zones()
                .create(
                        new ZoneSpec(
                                "medical",
                                "医疗健康专区",
                                "仅医疗机构可见",
                                HOSPITAL,
                                new ZoneRule(Set.of(), Set.of("卫生")),
                                ZoneVisibility.RESTRICTED,
                                new ZoneRule(Set.of(), Set.of("卫生"))),
                        sysadmin)
                .orElseThrow();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    private Catalog newCatalog(CatalogIndex onIndex) {
        return new Catalog(
                store,
                database.unitOfWork(),
                directory,
                suite,
                new TimeOrderedIdGenerator(clock, new SecureRandom()),
                clock,
                CatalogSettings.defaults("SH-TDS"),
                evidence.recorder(),
                onIndex,
                embedder,
                CatalogContract::idNumbersAreSensitive);
    }

    /** A grader for tests: a field described as an ID number (身份证号) makes the resource 一般数据4级; else no proposal. */
    static ResourceGrader.GradeSuggestion idNumbersAreSensitive(List<ResourceField> fields) {
        boolean ids = fields.stream().anyMatch(f -> f.description().contains("身份证"));
        return ids
                ? new ResourceGrader.GradeSuggestion(
                        DataGrade.GENERAL, 4, "敏感个人信息", List.of("sensitive-personal-identity: 身份证号"))
                : null;
    }

    @Test
    void governanceGradesAResourceItsProviderLeftUngradedAndReviewRefusesAGradeBelowItsProposal() {
        ResourceDescription withIds = new ResourceDescription(
                "企业法定代表人信息",
                "法定代表人登记信息",
                List.of(
                        new ResourceField("credit_code", "string", "统一社会信用代码"),
                        new ResourceField("legal_person_id", "string", "法定代表人身份证号")),
                SourceKind.AUTHORIZED_OPERATION,
                "conn-tax",
                "legal_persons",
                "市市场监管局",
                UpdateFrequency.MONTHLY,
                3_000L,
                null,
                null,
                null,
                null,
                null);
        DataResource r = catalog.resources().register(withIds, taxStaff).orElseThrow();
        assertThat(r.grade()).isEqualTo(DataGrade.GENERAL);
        assertThat(r.gradeLevel()).isEqualTo(4);
        assertThat(r.gradeLabel()).isEqualTo("一般数据4级");
        assertThat(r.classification()).isEqualTo("敏感个人信息");
        assertThat(store.resource(r.id()).orElseThrow().gradeProposal().basis())
                .containsExactly("sensitive-personal-identity: 身份证号");

        assertThat(classified(r, DataGrade.GENERAL).gradeLevel())
                .as("general data without a level takes the proposed level")
                .isEqualTo(4);
        ResourceDescription levelTwo = graded(withIds, "敏感个人信息", DataGrade.GENERAL, 2);
        DataResource lowered =
                catalog.resources().update(r.id(), levelTwo, taxStaff).orElseThrow();
        assertThat(lowered.gradeLevel()).isEqualTo(2);
        assertThat(lowered.gradeProposal().level()).isEqualTo(4);
        String id = catalog.products()
                .create(taxProduct(List.of(r.id()), List.of(finance.id())), taxStaff)
                .orElseThrow()
                .product()
                .id();
        attachAssessments(id);
        catalog.listing().submit(id, taxStaff).orElseThrow();
        Result<ProductVersion> refused = catalog.listing().review(id, ReviewDecision.APPROVE, null, reviewer);
        assertRefused(refused, ProblemKind.CONFLICT, "compliance-check-failed", "below governance's proposal 一般数据4级");

        ResourceDescription levelForImportant = graded(withIds, "敏感个人信息", DataGrade.IMPORTANT, 4);
        assertRefused(
                catalog.resources().update(r.id(), levelForImportant, taxStaff),
                ProblemKind.INVALID_INPUT,
                "invalid-grade-level",
                "only for grade GENERAL");
        ResourceDescription levelFive = graded(withIds, "敏感个人信息", DataGrade.GENERAL, 5);
        assertRefused(
                catalog.resources().update(r.id(), levelFive, taxStaff),
                ProblemKind.INVALID_INPUT,
                "invalid-grade-level",
                "1 to 4");
        assertThat(store.resource(r.id()).orElseThrow().version()).isEqualTo(lowered.version());
    }

    static Principal staff(String subject, Role role) {
        return new Principal(subject, null, EnumSet.of(role), "t-" + subject, Instant.parse("2030-01-01T00:00:00Z"));
    }

    static Principal member(String subject, String participant, Role role) {
        return new Principal(
                subject, participant, EnumSet.of(role), "t-" + subject, Instant.parse("2030-01-01T00:00:00Z"));
    }

    protected ResourceDescription taxResource(String sourceId, String connector) {
        return new ResourceDescription(
                "企业纳税信息",
                "全市企业按月纳税申报与缴纳记录",
                List.of(
                        new ResourceField("credit_code", "string", "统一社会信用代码"),
                        new ResourceField("tax_amount", "decimal", "纳税金额"),
                        new ResourceField("period", "date", "所属期")),
                SourceKind.AUTHORIZED_OPERATION,
                connector,
                sourceId,
                "市税务局",
                UpdateFrequency.MONTHLY,
                1_200_000L,
                null,
                LocalDate.parse("2020-01-01"),
                LocalDate.parse("2026-10-31"),
                null,
                null);
    }

    /** {@code d} with another classification, grade and level. */
    static ResourceDescription graded(ResourceDescription d, String classification, DataGrade grade, Integer level) {
        return new ResourceDescription(
                d.title(),
                d.description(),
                d.fields(),
                d.sourceKind(),
                d.connectorId(),
                d.sourceId(),
                d.department(),
                d.updateFrequency(),
                d.recordCount(),
                d.sizeBytes(),
                d.coverageFrom(),
                d.coverageTo(),
                classification,
                grade,
                level);
    }

    protected ProductDraft taxProduct(List<String> resources, List<String> zones) {
        return new ProductDraft(
                "小微企业纳税信用评估",
                "基于企业纳税申报与缴纳记录的信用评估服务，支持银行普惠信贷风控",
                "金融业",
                List.of("纳税", "普惠金融", "信贷风控"),
                ProductType.PRIVACY_COMPUTING_SERVICE,
                resources,
                EnumSet.of(DeliveryMode.SANDBOX, DeliveryMode.PRIVACY_COMPUTING),
                POLICY,
                new Price(PricingModel.PER_CALL, new BigDecimal("2.00"), "CNY", null),
                true,
                zones);
    }

    protected DataResource registeredTaxResource() {
        return catalog.resources()
                .register(taxResource("tax_monthly", "conn-tax"), taxStaff)
                .orElseThrow();
    }

    protected DataResource classified(DataResource r, DataGrade grade) {
        ResourceDescription d = new ResourceDescription(
                r.title(),
                r.description(),
                r.fields(),
                r.sourceKind(),
                r.connectorId(),
                r.sourceId(),
                r.department(),
                r.updateFrequency(),
                r.recordCount(),
                r.sizeBytes(),
                r.coverageFrom(),
                r.coverageTo(),
                "经济/税务",
                grade);
        return catalog.resources().update(r.id(), d, taxStaff).orElseThrow();
    }

    protected void attachAssessments(String productId) {
        byte[] pdf = "%PDF-1.7 assessment".getBytes(StandardCharsets.UTF_8);
        catalog.products()
                .attach(productId, AttachmentKind.COMPLIANCE_ASSESSMENT, "合规评估报告.pdf", "application/pdf", pdf, taxStaff)
                .orElseThrow();
        catalog.products()
                .attach(productId, AttachmentKind.QUALITY_ASSESSMENT, "质量评估报告.pdf", "application/pdf", pdf, taxStaff)
                .orElseThrow();
    }

    /** Registers, classifies, writes, attaches, submits, approves and lists a product; returns its id. */
    protected String listedTaxProduct() {
        DataResource r = classified(registeredTaxResource(), DataGrade.GENERAL);
        String id = catalog.products()
                .create(taxProduct(List.of(r.id()), List.of(finance.id())), taxStaff)
                .orElseThrow()
                .product()
                .id();
        attachAssessments(id);
        catalog.listing().submit(id, taxStaff).orElseThrow();
        catalog.listing().review(id, ReviewDecision.APPROVE, null, reviewer).orElseThrow();
        clock.advance(Duration.ofDays(7));
        assertThat(catalog.listing().concludeNotices(reviewer)).hasSize(1);
        return id;
    }

    protected List<String> evidenceTypes() {
        while (evidence.sequenceBatch() > 0) {
            // integrate everything recorded so far
        }
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT event_type FROM evidence_leaf ORDER BY seq")
                        .mapTo(String.class)
                        .list());
    }

    protected SearchResults search(String q, Principal caller) {
        return catalog.queries()
                .search(q, SearchMode.BM25, Map.of(), 0, 10, Optional.ofNullable(caller))
                .orElseThrow();
    }

    static void assertRefused(Result<?> result, ProblemKind kind, String code, String detailContains) {
        assertThat(result.isOk()).as("expected refusal %s", code).isFalse();
        Problem p = result.problem();
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.detail()).contains(detailContains);
    }

    // zones

    @Test
    void zonesHaveUniqueCodesAndRestrictedZonesAreInvisibleToOutsiders() {
        assertRefused(
                catalog.zones()
                        .create(
                                new ZoneSpec("finance", "重复", "", OPERATOR_LEAD, null, ZoneVisibility.PUBLIC, null),
                                sysadmin),
                ProblemKind.CONFLICT,
                "zone-code-taken",
                "finance");
        assertRefused(
                catalog.zones()
                        .create(
                                new ZoneSpec("Bad Code", "x", "", OPERATOR_LEAD, null, ZoneVisibility.PUBLIC, null),
                                sysadmin),
                ProblemKind.INVALID_INPUT,
                "invalid-code",
                "slug");
        assertRefused(
                catalog.zones()
                        .create(
                                new ZoneSpec("transport", "交通", "", "nobody", null, ZoneVisibility.PUBLIC, null),
                                sysadmin),
                ProblemKind.INVALID_INPUT,
                "unknown-participant",
                "nobody");

        assertThat(catalog.zones().visibleTo(Optional.empty()))
                .extracting(Zone::code)
                .containsExactly("finance");
        assertThat(catalog.zones().visibleTo(Optional.of(bankStaff)))
                .extracting(Zone::code)
                .containsExactly("finance");
        assertThat(catalog.zones().visibleTo(Optional.of(hospitalStaff)))
                .extracting(Zone::code)
                .containsExactly("finance", "medical");
        assertThat(catalog.zones().visibleZoneIds(Optional.of(reviewer))).isNull();
        assertRefused(
                catalog.zones().zone(medical.id(), Optional.of(bankStaff)),
                ProblemKind.NOT_FOUND,
                "no-such-zone",
                medical.id());
        assertThat(evidenceTypes()).containsExactly("zone.created", "zone.created");
    }

    // resources

    @Test
    void aResourceMustPointAtTheProvidersOwnConnector() {
        assertRefused(
                catalog.resources().register(taxResource("tax_monthly", "conn-bank"), taxStaff),
                ProblemKind.FORBIDDEN,
                "not-your-source",
                "conn-bank");
        assertRefused(
                catalog.resources().register(taxResource("tax_monthly", "conn-tax"), reviewer),
                ProblemKind.FORBIDDEN,
                "participants-only",
                "operator staff");
        assertThat(store.resources(null)).isEmpty();

        DataResource r = registeredTaxResource();
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.fields()).extracting(ResourceField::name).containsExactly("credit_code", "tax_amount", "period");
        assertRefused(
                catalog.resources().register(taxResource("tax_monthly", "conn-tax"), taxStaff),
                ProblemKind.CONFLICT,
                "resource-already-registered",
                r.id());
        assertRefused(
                catalog.resources().resource(r.id(), bankStaff), ProblemKind.NOT_FOUND, "no-such-resource", r.id());
        assertThat(catalog.resources().resource(r.id(), reviewer).orElseThrow()).isEqualTo(r);

        DataResource updated = classified(r, DataGrade.IMPORTANT);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(store.resource(r.id()).orElseThrow()).isEqualTo(updated);
        assertThat(evidenceTypes()).endsWith("resource.registered", "resource.updated");
    }

    @Test
    void resourceFieldsAreChecked() {
        ResourceDescription good = taxResource("s1", "conn-tax");
        ResourceDescription badType = new ResourceDescription(
                good.title(),
                good.description(),
                List.of(new ResourceField("amount", "money", "")),
                good.sourceKind(),
                good.connectorId(),
                good.sourceId(),
                good.department(),
                good.updateFrequency(),
                null,
                null,
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2025-01-01"),
                null,
                null);
        assertRefused(
                catalog.resources().register(badType, taxStaff),
                ProblemKind.INVALID_INPUT,
                "invalid-field-type",
                "money");
        ResourceDescription noFields = new ResourceDescription(
                good.title(),
                good.description(),
                List.of(),
                good.sourceKind(),
                good.connectorId(),
                good.sourceId(),
                good.department(),
                good.updateFrequency(),
                null,
                null,
                null,
                null,
                null,
                null);
        assertRefused(
                catalog.resources().register(noFields, taxStaff), ProblemKind.INVALID_INPUT, "invalid-fields", "0");
        assertThat(store.resources(null)).isEmpty();
    }

    // products

    @Test
    void productDraftsAreCheckedAgainstResourcesPolicyPriceAndZones() {
        DataResource r = registeredTaxResource();
        DataResource bankOwn = catalog.resources()
                .register(taxResource("bank_flows", "conn-bank"), bankStaff)
                .orElseThrow();
        List<String> zones = List.of(finance.id());

        assertRefused(
                catalog.products().create(taxProduct(List.of("no-such"), zones), taxStaff),
                ProblemKind.INVALID_INPUT,
                "unknown-resource",
                "no-such");
        assertRefused(
                catalog.products().create(taxProduct(List.of(bankOwn.id()), zones), taxStaff),
                ProblemKind.INVALID_INPUT,
                "unknown-resource",
                bankOwn.id());

        ProductDraft base = taxProduct(List.of(r.id()), zones);
        ProductDraft outsideSubset = base.withPolicy(POLICY.replace("\"purpose\"", "\"industry\""));
        Result<Products.ProductView> refusedPolicy = catalog.products().create(outsideSubset, taxStaff);
        assertRefused(refusedPolicy, ProblemKind.INVALID_INPUT, "policy-outside-subset", "industry");

        ProductDraft tooDear = base.withPrice(new Price(PricingModel.PER_CALL, new BigDecimal("5.01"), "CNY", null));
        assertRefused(
                catalog.products().create(tooDear, taxStaff),
                ProblemKind.INVALID_INPUT,
                "price-above-cap",
                "at most 5");
        ProductDraft subscriptionWithoutPeriod =
                base.withPrice(new Price(PricingModel.SUBSCRIPTION, new BigDecimal("100"), "CNY", null));
        assertRefused(
                catalog.products().create(subscriptionWithoutPeriod, taxStaff),
                ProblemKind.INVALID_INPUT,
                "invalid-price",
                "period");

        ProductDraft download = base.withDeliveryModes(EnumSet.of(DeliveryMode.FILE_TRANSFER));
        assertRefused(
                catalog.products().create(download, taxStaff),
                ProblemKind.INVALID_INPUT,
                "delivery-mode-not-permitted",
                "FILE_TRANSFER");

        assertRefused(
                catalog.products().create(taxProduct(List.of(r.id()), List.of(medical.id())), taxStaff),
                ProblemKind.NOT_FOUND,
                "no-such-zone",
                medical.id());

        assertThat(store.products(null)).isEmpty();
        assertThat(evidenceTypes()).doesNotContain("product.created");

        Products.ProductView created = catalog.products().create(base, taxStaff).orElseThrow();
        ProductVersion v1 = created.current();
        assertThat(v1.status()).isEqualTo(ListingStatus.DRAFT);
        assertThat(v1.price().amount()).isEqualByComparingTo("2");
        assertThat(v1.policy()).contains("odrl").doesNotContain("\n");
        assertThat(store.version(v1.productId(), 1).orElseThrow()).isEqualTo(v1);
    }

    @Test
    void aZoneAdmitsOnlyTheListingsItsRuleAllows() {
        DataResource r = registeredTaxResource();
        Zone hospitalsOnly = catalog.zones()
                .create(
                        new ZoneSpec(
                                "health-open",
                                "健康服务",
                                "",
                                HOSPITAL,
                                new ZoneRule(Set.of(), Set.of("卫生")),
                                ZoneVisibility.PUBLIC,
                                null),
                        sysadmin)
                .orElseThrow();
        assertRefused(
                catalog.products().create(taxProduct(List.of(r.id()), List.of(hospitalsOnly.id())), taxStaff),
                ProblemKind.FORBIDDEN,
                "zone-not-admitted",
                "健康服务");
    }

    // workflow

    @Test
    void aProductGoesFromDraftThroughReviewAndNoticeToListedAndIsFound() {
        DataResource r = registeredTaxResource();
        String id = catalog.products()
                .create(taxProduct(List.of(r.id()), List.of(finance.id())), taxStaff)
                .orElseThrow()
                .product()
                .id();
        assertRefused(
                catalog.listing().review(id, ReviewDecision.APPROVE, null, reviewer),
                ProblemKind.CONFLICT,
                "illegal-transition",
                "allowed from here: submit");

        catalog.listing().submit(id, taxStaff).orElseThrow();
        assertRefused(
                catalog.products().updateDraft(id, taxProduct(List.of(r.id()), List.of(finance.id())), taxStaff),
                ProblemKind.CONFLICT,
                "not-a-draft",
                "SUBMITTED");

        Result<ProductVersion> refused = catalog.listing().review(id, ReviewDecision.APPROVE, null, reviewer);
        assertRefused(refused, ProblemKind.CONFLICT, "compliance-check-failed", "合规评估");
        assertThat(refused.problem().detail()).contains("质量评估", "no classification", "no grade");
        assertRefused(
                catalog.listing().review(id, ReviewDecision.APPROVE, null, taxStaff),
                ProblemKind.FORBIDDEN,
                "listing-reviewers-only",
                "上架审核员");

        catalog.listing()
                .review(id, ReviewDecision.RETURN, "请补充评估报告并完成分类分级", reviewer)
                .orElseThrow();
        classified(r, DataGrade.GENERAL);
        attachAssessments(id);
        catalog.listing().submit(id, taxStaff).orElseThrow();
        ProductVersion inNotice = catalog.listing()
                .review(id, ReviewDecision.APPROVE, "材料齐全", reviewer)
                .orElseThrow();
        assertThat(inNotice.status()).isEqualTo(ListingStatus.IN_NOTICE);
        assertThat(inNotice.noticeEndsAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(search("纳税信用", null).hits()).isEmpty();

        Objection objection =
                catalog.listing().object(id, "该产品包含我行客户数据，未经授权", bankStaff).orElseThrow();
        assertRefused(catalog.listing().object(id, "自己反对自己", taxStaff), ProblemKind.FORBIDDEN, "own-product", "own");
        clock.advance(Duration.ofDays(8));
        assertThat(catalog.listing().concludeNotices(null)).isEmpty();
        assertRefused(catalog.listing().object(id, "太晚了", bankStaff), ProblemKind.CONFLICT, "not-in-notice", "ended");

        catalog.listing()
                .resolveObjection(id, objection.id(), false, "数据来源为授权运营的公共数据，异议不成立", reviewer)
                .orElseThrow();
        List<ProductVersion> listed = catalog.listing().concludeNotices(null);
        assertThat(listed).singleElement().satisfies(v -> assertThat(v.status()).isEqualTo(ListingStatus.LISTED));

        DataProduct product = store.product(id).orElseThrow();
        assertThat(product.listedVersion()).isEqualTo(1);
        RegistrationCode code = product.registrationCode();
        assertThat(code.toString()).startsWith("SH-TDS-2026-000001-");
        assertThat(RegistrationCode.parse(code.toString())).contains(code);

        SearchResults found = search("纳税信用评估", null);
        assertThat(found.hits()).extracting(h -> h.productId()).containsExactly(id);
        assertThat(found.facets().get(Facet.ZONE)).extracting(c -> c.value()).containsExactly(finance.id());
        assertThat(evidenceTypes())
                .containsSubsequence(
                        "product.created",
                        "product.submitted",
                        "product.returned",
                        "product.submitted",
                        "product.approved",
                        "product.objection-raised",
                        "product.objection-resolved",
                        "product.listed");
    }

    @Test
    void anUpheldObjectionRejectsTheVersion() {
        DataResource r = classified(registeredTaxResource(), DataGrade.GENERAL);
        String id = catalog.products()
                .create(taxProduct(List.of(r.id()), List.of(finance.id())), taxStaff)
                .orElseThrow()
                .product()
                .id();
        attachAssessments(id);
        catalog.listing().submit(id, taxStaff).orElseThrow();
        catalog.listing().review(id, ReviewDecision.APPROVE, null, reviewer).orElseThrow();
        Objection o = catalog.listing().object(id, "侵犯商业秘密", bankStaff).orElseThrow();
        catalog.listing().resolveObjection(id, o.id(), true, "异议成立", reviewer).orElseThrow();
        assertThat(store.version(id, 1).orElseThrow().status()).isEqualTo(ListingStatus.REJECTED);
        assertRefused(
                catalog.listing().resolveObjection(id, o.id(), false, "again", reviewer),
                ProblemKind.CONFLICT,
                "objection-resolved",
                "UPHELD");
        clock.advance(Duration.ofDays(30));
        assertThat(catalog.listing().concludeNotices(null)).isEmpty();
    }

    @Test
    void coreDataIsNeverApproved() {
        DataResource r = classified(registeredTaxResource(), DataGrade.CORE);
        String id = catalog.products()
                .create(taxProduct(List.of(r.id()), List.of(finance.id())), taxStaff)
                .orElseThrow()
                .product()
                .id();
        attachAssessments(id);
        catalog.listing().submit(id, taxStaff).orElseThrow();
        assertRefused(
                catalog.listing().review(id, ReviewDecision.APPROVE, null, reviewer),
                ProblemKind.CONFLICT,
                "compliance-check-failed",
                "核心数据");
        assertThat(store.version(id, 1).orElseThrow().status()).isEqualTo(ListingStatus.SUBMITTED);
    }

    @Test
    void aNewVersionSupersedesTheListedOneAndKeepsTheRegistrationCode() {
        String id = listedTaxProduct();
        RegistrationCode code = store.product(id).orElseThrow().registrationCode();

        assertRefused(
                catalog.products().updateDraft(id, taxProduct(List.of(), List.of()), taxStaff),
                ProblemKind.CONFLICT,
                "not-a-draft",
                "LISTED");
        ProductVersion v2 = catalog.products().revise(id, taxStaff).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.attachments(id, 2)).hasSize(2);
        ProductDraft changed = v2.draft().withName("小微企业纳税信用评估（第二版）").withPolicy(POLICY);
        catalog.products().updateDraft(id, changed, taxStaff).orElseThrow();
        assertThat(search("纳税信用", null).hits()).hasSize(1);

        catalog.listing().submit(id, taxStaff).orElseThrow();
        catalog.listing().review(id, ReviewDecision.APPROVE, null, reviewer).orElseThrow();
        clock.advance(Duration.ofDays(7));
        catalog.listing().concludeNotices(reviewer);

        assertThat(store.version(id, 1).orElseThrow().status()).isEqualTo(ListingStatus.SUPERSEDED);
        assertThat(store.version(id, 2).orElseThrow().status()).isEqualTo(ListingStatus.LISTED);
        DataProduct product = store.product(id).orElseThrow();
        assertThat(product.registrationCode()).isEqualTo(code);
        assertThat(product.listedVersion()).isEqualTo(2);
        assertThat(search("第二版", null).hits()).hasSize(1);
        assertThat(evidenceTypes()).contains("product.revised", "product.superseded");
    }

    @Test
    void suspendedAndDelistedProductsAreNotFound() {
        String id = listedTaxProduct();
        assertThat(search("纳税信用", null).hits()).hasSize(1);

        catalog.listing().suspend(id, "数据质量问题待核查", reviewer).orElseThrow();
        assertThat(search("纳税信用", null).hits()).isEmpty();
        assertRefused(
                catalog.listing().suspend(id, "again", reviewer),
                ProblemKind.CONFLICT,
                "illegal-transition",
                "allowed from here: reinstate, delist, supersede");
        catalog.listing().reinstate(id, "核查完毕", reviewer).orElseThrow();
        assertThat(search("纳税信用", null).hits()).hasSize(1);

        assertRefused(catalog.listing().delist(id, "不想卖了", bankStaff), ProblemKind.NOT_FOUND, "no-such-product", id);
        catalog.listing().delist(id, "停止提供", taxStaff).orElseThrow();
        assertThat(search("纳税信用", null).hits()).isEmpty();
        assertRefused(
                catalog.listing().reinstate(id, "back", reviewer),
                ProblemKind.CONFLICT,
                "illegal-transition",
                "nothing (final)");
        assertRefused(catalog.products().revise(id, taxStaff), ProblemKind.CONFLICT, "illegal-transition", "DELISTED");
        assertThat(evidenceTypes()).contains("product.suspended", "product.reinstated", "product.delisted");
    }

    @Test
    void searchShowsOnlyZonesTheCallerMaySee() {
        DataResource r = catalog.resources()
                .register(taxResource("imaging", "conn-hospital"), hospitalStaff)
                .orElseThrow();
        catalog.resources()
                .update(
                        r.id(),
                        new ResourceDescription(
                                "医学影像",
                                "CT 影像",
                                r.fields(),
                                r.sourceKind(),
                                r.connectorId(),
                                r.sourceId(),
                                r.department(),
                                r.updateFrequency(),
                                null,
                                null,
                                null,
                                null,
                                "医疗/影像",
                                DataGrade.IMPORTANT),
                        hospitalStaff)
                .orElseThrow();
        ProductDraft imaging = new ProductDraft(
                "医学影像协同分析",
                "医院间影像不出域的联合建模",
                "卫生",
                List.of("医学影像"),
                ProductType.SANDBOX_SERVICE,
                List.of(r.id()),
                EnumSet.of(DeliveryMode.SANDBOX),
                POLICY,
                new Price(PricingModel.SUBSCRIPTION, new BigDecimal("20000"), "CNY", SubscriptionPeriod.YEAR),
                false,
                List.of(medical.id()));
        String id = catalog.products()
                .create(imaging, hospitalStaff)
                .orElseThrow()
                .product()
                .id();
        byte[] pdf = "%PDF".getBytes(StandardCharsets.UTF_8);
        catalog.products()
                .attach(id, AttachmentKind.COMPLIANCE_ASSESSMENT, "c.pdf", "application/pdf", pdf, hospitalStaff)
                .orElseThrow();
        catalog.products()
                .attach(id, AttachmentKind.QUALITY_ASSESSMENT, "q.pdf", "application/pdf", pdf, hospitalStaff)
                .orElseThrow();
        catalog.listing().submit(id, hospitalStaff).orElseThrow();
        catalog.listing().review(id, ReviewDecision.APPROVE, null, reviewer).orElseThrow();
        clock.advance(Duration.ofDays(7));
        catalog.listing().concludeNotices(null);

        assertThat(search("医学影像", hospitalStaff).hits()).hasSize(1);
        assertThat(search("医学影像", reviewer).hits()).hasSize(1);
        assertThat(search("医学影像", bankStaff).hits()).isEmpty();
        assertThat(search("医学影像", null).hits()).isEmpty();
        assertThat(search("医学影像", bankStaff).facets().get(Facet.ZONE)).isEmpty();
        assertRefused(
                catalog.queries()
                        .search(
                                "医学影像",
                                SearchMode.BM25,
                                Map.of(Facet.ZONE, Set.of(medical.id())),
                                0,
                                10,
                                Optional.of(bankStaff)),
                ProblemKind.NOT_FOUND,
                "no-such-zone",
                medical.id());
        assertRefused(
                catalog.products()
                        .view(id, Optional.of(bankStaff), catalog.zones().visibleZoneIds(Optional.of(bankStaff))),
                ProblemKind.NOT_FOUND,
                "no-such-product",
                id);
        assertThat(catalog.dcat()
                        .export(URI.create("https://space.example"), "示例", clock.instant())
                        .path("dcat:dataset"))
                .isEmpty();
    }

    @Test
    void queriesAreChecked() {
        assertRefused(
                catalog.queries().search("  ", SearchMode.BM25, Map.of(), 0, 10, Optional.empty()),
                ProblemKind.INVALID_INPUT,
                "empty-query",
                "q");
        assertRefused(
                catalog.queries().search("税".repeat(10_000_000), SearchMode.HYBRID, Map.of(), 0, 10, Optional.empty()),
                ProblemKind.INVALID_INPUT,
                "query-too-long",
                "at most 200");
        assertRefused(
                catalog.queries().search("纳税", SearchMode.BM25, Map.of(), 0, 0, Optional.empty()),
                ProblemKind.INVALID_INPUT,
                "invalid-limit",
                "1 to 100");
    }

    @Test
    void concurrentConclusionsListAVersionOnce() throws Exception {
        DataResource r = classified(registeredTaxResource(), DataGrade.GENERAL);
        String id = catalog.products()
                .create(taxProduct(List.of(r.id()), List.of(finance.id())), taxStaff)
                .orElseThrow()
                .product()
                .id();
        attachAssessments(id);
        catalog.listing().submit(id, taxStaff).orElseThrow();
        catalog.listing().review(id, ReviewDecision.APPROVE, null, reviewer).orElseThrow();
        clock.advance(Duration.ofDays(7));

        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<List<ProductVersion>>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return catalog.listing().concludeNotices(null);
            }));
        }
        start.countDown();
        int listed = 0;
        for (var run : runs) {
            listed += run.get().size();
        }
        pool.shutdown();

        assertThat(listed).isEqualTo(1);
        assertThat(store.product(id).orElseThrow().registrationCode().serial()).isEqualTo(1);
        assertThat(evidenceTypes()).filteredOn("product.listed"::equals).hasSize(1);
    }

    @Test
    void registrationSerialsCountUpWithinAYear() {
        assertThat(database.unitOfWork().<Long>inTransaction(tx -> store.nextRegistrationSerial(2026)))
                .isEqualTo(1);
        assertThat(database.unitOfWork().<Long>inTransaction(tx -> store.nextRegistrationSerial(2026)))
                .isEqualTo(2);
        assertThat(database.unitOfWork().<Long>inTransaction(tx -> store.nextRegistrationSerial(2027)))
                .isEqualTo(1);
    }

    @Test
    void anIndexLeftBehindIsRebuiltFromTheStoreWithoutEmbeddingAgain() {
        String id = listedTaxProduct();
        assertThat(catalog.indexer().current()).isTrue();
        int embeddedBefore = embedder.calls.get();

        try (CatalogIndex fresh = CatalogIndex.inMemory(embedder.dimensions())) {
            Catalog restarted = newCatalog(fresh);
            assertThat(restarted.indexer().current()).isFalse();
            CatalogIndexer.Rebuild rebuild = restarted.indexer().ensureCurrent().orElseThrow();
            assertThat(rebuild.products()).isEqualTo(1);
            assertThat(rebuild.embedded()).isZero();
            assertThat(embedder.calls.get()).isEqualTo(embeddedBefore);
            assertThat(restarted.indexer().current()).isTrue();
            assertThat(restarted.indexer().ensureCurrent()).isEmpty();
            assertThat(restarted
                            .queries()
                            .search("纳税", SearchMode.HYBRID, Map.of(), 0, 10, Optional.empty())
                            .orElseThrow()
                            .hits())
                    .extracting(h -> h.productId())
                    .containsExactly(id);
        }
    }

    @Test
    void theDcatExportDescribesPublicListings() {
        String id = listedTaxProduct();
        JsonNode dcat = catalog.dcat().export(URI.create("https://space.example.gov.cn/"), "示例数据空间", clock.instant());
        assertThat(dcat.path("@type").asText()).isEqualTo("dcat:Catalog");
        assertThat(dcat.path("@context").path("dcat").asText()).isEqualTo("http://www.w3.org/ns/dcat#");
        JsonNode dataset = dcat.path("dcat:dataset").get(0);
        assertThat(dataset.path("@id").asText())
                .isEqualTo("https://space.example.gov.cn/api/v1/catalog/products/" + id);
        assertThat(dataset.path("dct:identifier").asText())
                .isEqualTo(store.product(id).orElseThrow().registrationCode().toString());
        assertThat(dataset.path("dct:title").path("@value").asText()).isEqualTo("小微企业纳税信用评估");
        assertThat(dataset.path("odrl:hasPolicy").path("permission").isArray()).isTrue();
        assertThat(dataset.path("dcat:distribution")).hasSize(2);
        assertThat(dataset.path("dcat:theme").get(0).path("skos:notation").asText())
                .isEqualTo("finance");
    }
}
