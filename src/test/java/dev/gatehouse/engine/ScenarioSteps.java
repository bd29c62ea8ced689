package dev.gatehouse.engine;

import dev.gatehouse.clock.MovableClock;
import dev.gatehouse.model.AccessRequest;
import dev.gatehouse.model.Explanation;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.scenario.Scenario;
import dev.gatehouse.service.AccessRequestService;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.Services;
import dev.gatehouse.store.MemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.SoftAssertions;

/**
 * A scenario with steps (joining through invite links, asking for access, deciding, changing share links), or
 * with links at all: its world is committed to a store in memory, the steps are taken through the use cases of
 * the service layer, as the API takes them, on a clock the runner moves, and every expectation is answered by
 * the engine over the index those use cases write, at its instant. What a step refuses must change nothing,
 * so a refusal is also checked to leave the revision where it was.
 */
final class ScenarioSteps {
    private static final String SYSTEM_TOKEN = "scenario-system-token-0123456789";

    private final Scenario s;
    private final Services services;
    private final MovableClock clock;
    private final SoftAssertions soft;

    private ScenarioSteps(Scenario s, Services services, MovableClock clock, SoftAssertions soft) {
        this.s = s;
        this.services = services;
        this.clock = clock;
        this.soft = soft;
    }

    /** Whether the scenario needs the use cases: steps, links, or what only they answer. */
    static boolean needed(Scenario s) {
        Scenario.Expect e = s.expect();
        return !s.steps().isEmpty() || !s.inviteLinks().isEmpty() || !s.shareLinks().isEmpty()
                || !e.shareLinks().isEmpty() || !e.members().isEmpty() || !e.requests().isEmpty();
    }

    static void check(Scenario s) {
        Scenario.Expect e = s.expect();
        if (!e.aggregates().isEmpty() || !e.memberSpaces().isEmpty() || !e.siteAggregates().isEmpty()) {
            throw new IllegalArgumentException("scenario " + s.name() + ": with steps or links, expect permissions, "
                    + "shareLinks, members and requests (aggregates are the step-less files')");
        }
        MemoryStore store = new MemoryStore();
        store.commit("system", s.changes());
        MovableClock clock = new MovableClock(Scenario.BUILT_AT);
        SoftAssertions soft = new SoftAssertions();
        try (Services services = Services.open(store, Services.Options.defaults(SYSTEM_TOKEN).withClock(clock))) {
            new ScenarioSteps(s, services, clock, soft).run();
        }
        soft.assertAll();
    }

    private record Timed(Duration after, Runnable check) {
    }

    private void run() {
        List<Timed> timeline = new ArrayList<>();
        // Steps first, so that at one instant the expectations see what the steps did (the sort is stable).
        for (Scenario.Step_ step : s.steps()) {
            timeline.add(new Timed(step.after(), () -> take(step)));
        }
        for (Scenario.PermissionExpectation p : s.expect().permissions()) {
            timeline.add(new Timed(p.after(), () -> {
                ResourceRef r = Scenario.resource(p.resource());
                soft.assertThat(this.<dev.gatehouse.model.Role>read(w -> Permissions.effective(w, p.user(), r)))
                        .as("effective(%s, %s) at +%s", p.user(), r, p.after()).isEqualTo(p.expected());
                soft.assertThat(this.<dev.gatehouse.model.Role>read(w -> Permissions.explain(w, p.user(), r).permission()))
                        .as("explain(%s, %s) at +%s", p.user(), r, p.after()).isEqualTo(p.expected());
            }));
        }
        for (Scenario.ShareLinkExpectation l : s.expect().shareLinks()) {
            timeline.add(new Timed(l.after(), () -> {
                ResourceRef r = Scenario.resource(l.resource());
                Explanation x = read(w -> ShareLinks.explain(w, l.link(), r));
                soft.assertThat(x.permission()).as("share link %s on %s at +%s", l.link(), r, l.after())
                        .isEqualTo(l.expected());
                soft.assertThat(this.<dev.gatehouse.model.Role>read(w -> ShareLinks.access(w, l.link(), r))).as("access of share link %s on %s at +%s",
                        l.link(), r, l.after()).isEqualTo(l.expected());
                if (l.rule() != null) {
                    soft.assertThat(x.steps().get(0).rule()).as("rule of share link %s on %s at +%s", l.link(), r,
                            l.after()).isEqualTo(l.rule());
                }
            }));
        }
        for (Scenario.MembershipExpectation m : s.expect().members()) {
            timeline.add(new Timed(m.after(), () -> soft.assertThat(this.<String>read(w -> membership(w.member(m.org(), m.user()))))
                    .as("membership of %s in %s at +%s", m.user(), m.org(), m.after()).isEqualTo(m.membership())));
        }
        for (Scenario.RequestsExpectation q : s.expect().requests()) {
            timeline.add(new Timed(q.after(), () -> {
                ResourceRef r = Scenario.resource(q.resource());
                Map<String, String> pending = read(w -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    for (AccessRequest a : w.accessRequests(r).values()) {
                        if (a.status() == AccessRequest.Status.PENDING) {
                            out.put(a.userId(), a.role().wire());
                        }
                    }
                    return out;
                });
                soft.assertThat(pending).as("pending requests on %s at +%s", r, q.after())
                        .containsExactlyInAnyOrderEntriesOf(q.pending());
            }));
        }
        timeline.sort(Comparator.comparing(Timed::after));
        for (Timed t : timeline) {
            clock.set(Scenario.BUILT_AT.plus(t.after()));
            t.check().run();
        }
    }

    /** A member's role, {@code guest}, or {@code none} for someone who is not a member. */
    static String membership(Member m) {
        return m == null ? "none" : m.role() == null ? "guest" : m.role().wire();
    }

    private <T> T read(java.util.function.Function<World, T> query) {
        return services.reads().read(query);
    }

    private void take(Scenario.Step_ step) {
        Caller caller = step.as().equals("system") ? Caller.SYSTEM : Caller.user(step.as());
        long before = services.reads().revision();
        String outcome;
        try {
            outcome = switch (step.action()) {
                case "join" -> {
                    Scenario.InviteLink_ k = s.inviteLink(step.join());
                    String org = step.org() != null ? step.org() : Objects.requireNonNull(k, "no invite link "
                            + step.join() + ": give the step's org").org();
                    yield services.inviteLinks().join(caller, org, step.join()).value() ? "redundant" : "joined";
                }
                case "request" -> {
                    var o = services.accessRequests().request(caller, target(step.request()),
                            Scenario.role(step.role()), step.message()).value();
                    yield o.redundant() ? "redundant" : o.created() ? "requested" : "updated";
                }
                case "approve" -> {
                    services.accessRequests().approve(caller, target(step.approve()), requestId(step.approve(),
                            step.requester()), step.expiry() == null ? null : Scenario.BUILT_AT.plus(step.expiry()));
                    yield "approved";
                }
                case "deny" -> {
                    services.accessRequests().deny(caller, target(step.deny()), requestId(step.deny(), step.requester()),
                            step.reason());
                    yield "denied";
                }
                case "updateShareLink" -> {
                    Scenario.ShareLink_ l = s.shareLink(step.updateShareLink());
                    services.shareLinks().update(caller, s.organizationOfSite(l.site()), l.site(), l.id(), null,
                            step.active());
                    yield "updated";
                }
                default -> {
                    Scenario.ShareLink_ l = s.shareLink(step.deleteShareLink());
                    services.shareLinks().delete(caller, s.organizationOfSite(l.site()), l.site(), l.id());
                    yield "deleted";
                }
            };
        } catch (ApiException e) {
            outcome = Integer.toString(e.status());
            soft.assertThat(services.reads().revision()).as("%s refused with %s wrote nothing", describe(step),
                    e.status()).isEqualTo(before);
        }
        soft.assertThat(outcome).as(describe(step)).isEqualTo(step.expected());
    }

    private static String describe(Scenario.Step_ step) {
        String what = step.join() != null ? "join " + step.join() : step.request() != null ? "request " + step.role()
                + " on " + step.request() : step.approve() != null ? "approve " + step.requester() + " on " + step.approve()
                : step.deny() != null ? "deny " + step.requester() + " on " + step.deny() : step.updateShareLink() != null
                ? "update share link " + step.updateShareLink() : "delete share link " + step.deleteShareLink();
        return step.as() + ": " + what + " at +" + step.after();
    }

    private AccessRequestService.Target target(String resource) {
        ResourceRef r = Scenario.resource(resource);
        String container = read(w -> r.type() == ResourceType.SITE ? w.site(r.id()).orgId()
                : r.type() == ResourceType.PAGE ? w.page(r.id()).spaceId() : null);
        return new AccessRequestService.Target(r, container);
    }

    /** The id of a person's request on a resource, or one no request has (so that the use case says 404). */
    private String requestId(String resource, String requester) {
        ResourceRef r = Scenario.resource(resource);
        AccessRequest q = read(w -> w.accessRequestOf(r, requester));
        return q == null ? "no-request-of-" + requester : q.id();
    }
}
