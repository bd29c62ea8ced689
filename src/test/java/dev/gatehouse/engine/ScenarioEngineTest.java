package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.Permissions.AggregatePage;
import dev.gatehouse.engine.Permissions.MemberSpacesPage;
import dev.gatehouse.engine.Permissions.SiteAggregatePage;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Origin;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario file, answered by the engine. Each expectation was worked out by hand from
 * permission-model.md; a failure lists every expectation of the file that the engine got wrong. Each is
 * asked at its instant ({@code at} after {@link Scenario#BUILT_AT}), with no sweep: expiry never needs one.
 * A file with steps or links is taken through the use cases first ({@link ScenarioSteps}).
 */
class ScenarioEngineTest {
    /** Larger than any scenario list, so that one page is the whole answer. */
    private static final int ALL = 1000;

    @TestFactory
    Stream<DynamicTest> scenarios() {
        List<Scenario> all = Scenario.all();
        assertThat(all).as("scenario files").isNotEmpty();
        return all.stream().map(s -> DynamicTest.dynamicTest(s.name() + ": " + s.description(), () -> check(s)));
    }

    private static void check(Scenario s) {
        if (ScenarioSteps.needed(s)) {
            ScenarioSteps.check(s);
            return;
        }
        World w = new World();
        for (Change c : s.changes()) {
            w.apply(c);
        }
        Scenario.Expect e = s.expect();
        assertThat(e.permissions().size() + e.aggregates().size() + e.memberSpaces().size() + e.siteAggregates().size())
                .as("scenario %s expects something", s.name()).isPositive();
        SoftAssertions soft = new SoftAssertions();
        for (Scenario.PermissionExpectation p : e.permissions()) {
            ResourceRef r = Scenario.resource(p.resource());
            w.at(Scenario.BUILT_AT.plus(p.after()), () -> {
                soft.assertThat(Permissions.effective(w, p.user(), r)).as("effective(%s, %s) at +%s", p.user(), r,
                        p.after()).isEqualTo(p.expected());
                soft.assertThat(Permissions.explain(w, p.user(), r).permission()).as("explain(%s, %s) at +%s", p.user(),
                        r, p.after()).isEqualTo(p.expected());
                return null;
            });
        }
        for (Scenario.AggregateExpectation a : e.aggregates()) {
            ResourceRef r = Scenario.resource(a.resource());
            AggregatePage page = w.at(Scenario.BUILT_AT.plus(a.after()),
                    () -> Permissions.aggregate(w, r, Scenario.role(a.role()), null, ALL));
            List<String> actual = page.items().stream().map(x -> x.userId() + "=" + x.role().wire()).toList();
            List<String> expected = a.items().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(x -> x.getKey() + "=" + x.getValue()).toList();
            soft.assertThat(actual).as("aggregate(%s, role=%s) at +%s, by user id", r, a.role(), a.after())
                    .containsExactlyElementsOf(expected);
        }
        for (Scenario.MemberSpacesExpectation m : e.memberSpaces()) {
            List<String> order = s.spaceIdsInCreationOrder();
            List<String> expected = m.spaces().entrySet().stream()
                    .sorted(Comparator.comparing(x -> order.indexOf(x.getKey())))
                    .map(x -> x.getKey() + "=" + x.getValue()).toList();
            java.time.Instant at = Scenario.BUILT_AT.plus(m.after());
            MemberSpacesPage asc = w.at(at, () -> Permissions.memberSpaces(w, m.org(), m.user(), false, null, ALL));
            soft.assertThat(asc.items().stream().map(x -> x.space().id() + "=" + x.role().wire()).toList())
                    .as("memberSpaces(%s, %s) at +%s, oldest first", m.org(), m.user(), m.after())
                    .containsExactlyElementsOf(expected);
            MemberSpacesPage desc = w.at(at, () -> Permissions.memberSpaces(w, m.org(), m.user(), true, null, ALL));
            List<String> reversed = new ArrayList<>(expected);
            java.util.Collections.reverse(reversed);
            soft.assertThat(desc.items().stream().map(x -> x.space().id() + "=" + x.role().wire()).toList())
                    .as("memberSpaces(%s, %s), newest first", m.org(), m.user()).containsExactlyElementsOf(reversed);
        }
        for (Scenario.SiteAggregateExpectation a : e.siteAggregates()) {
            SiteAggregatePage page = w.at(Scenario.BUILT_AT.plus(a.after()),
                    () -> Permissions.siteAggregate(w, a.site(), null, ALL));
            List<Scenario.SiteItem> actual = page.items().stream()
                    .map(x -> new Scenario.SiteItem(x.userId(), x.role().wire(), origin(x.origin()), x.disabled()))
                    .toList();
            List<Scenario.SiteItem> expected = a.items().stream()
                    .sorted(Comparator.comparing(Scenario.SiteItem::user)).toList();
            soft.assertThat(actual).as("siteAggregate(%s) at +%s, by user id", a.site(), a.after())
                    .containsExactlyElementsOf(expected);
        }
        soft.assertAll();
    }

    private static Scenario.ExpectedOrigin origin(Origin o) {
        if (o instanceof Origin.OrganizationOrigin x) {
            return new Scenario.ExpectedOrigin("organization", x.orgId(), null, null, null, null);
        }
        if (o instanceof Origin.SiteOrigin x) {
            return new Scenario.ExpectedOrigin("site", null, x.siteId(), x.reason(), x.teamId(), null);
        }
        Origin.SpaceOrigin x = (Origin.SpaceOrigin) o;
        return new Scenario.ExpectedOrigin("space", null, null, null, null, x.spaceId());
    }
}
