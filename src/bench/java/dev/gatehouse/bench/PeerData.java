package dev.gatehouse.bench;

import dev.gatehouse.engine.Index;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import dev.gatehouse.datasets.Datasets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The {@code large} dataset at some scale, built into the engine, with the questions a peer comparison
 * asks of it: the same random (member, resource) pairs as {@link EngineBenchmark} (same seeds, same
 * order), the space every non-guest member reaches, and an ordinary member whose spaces are listed.
 * Each peer is built from {@link #world}, so Gatehouse and the peer answer on exactly the same facts.
 */
final class PeerData {
    static final String ORG = "large";

    final World world;
    final String[] users = new String[EngineBenchmark.PAIRS];
    final ResourceRef[] resources = new ResourceRef[EngineBenchmark.PAIRS];
    /** A top-level space with a role default: every non-guest member reaches it. */
    final ResourceRef everyone;
    /**
     * The member whose spaces are listed: the first enabled, non-admin member with the organization's most
     * common role (edit). Not an admin, whom every peer answers with a shortcut.
     */
    final String member;
    /** Every space, collection and page, in the order the pairs were drawn from. */
    final List<ResourceRef> all = new ArrayList<>();
    final List<String> members;

    private PeerData(World world) {
        this.world = world;
        ResourceRef top = null;
        for (Space s : world.spaces(ORG)) {
            all.add(ResourceRef.space(s.id()));
            if (top == null && s.parentId() == null && s.defaultLevel().kind() == DefaultLevel.Kind.ROLE) {
                top = ResourceRef.space(s.id());
            }
        }
        // A sliver of the dataset may have no such space: then any space with a role default, or any space.
        everyone = top != null ? top : world.spaces(ORG).stream()
                .filter(s -> s.defaultLevel().kind() == DefaultLevel.Kind.ROLE).findFirst()
                .or(() -> world.spaces(ORG).stream().findFirst()).map(s -> ResourceRef.space(s.id())).orElseThrow();
        world.collections(ORG).keySet().forEach(id -> all.add(ResourceRef.collection(id)));
        for (Space s : world.spaces(ORG)) {
            world.pages(s.id()).forEach(p -> all.add(ResourceRef.page(p.id())));
        }
        members = new ArrayList<>(world.members(ORG).keySet());
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < EngineBenchmark.PAIRS; i++) {
            users[i] = members.get(r.nextInt(members.size()));
            resources[i] = all.get(r.nextInt(all.size()));
        }
        member = world.members(ORG).values().stream()
                .filter(m -> !m.disabled() && m.role() == Role.EDIT)
                .map(Member::userId).findFirst().orElseThrow();
    }

    /** {@code large} at {@code scale}, seed 42 as in {@link EngineBenchmark}. */
    static PeerData load(double scale) {
        return load(scale, c -> true);
    }

    /** As {@link #load(double)}, keeping only the changes {@code keep} accepts (tests drop what a peer cannot say). */
    static PeerData load(double scale, Predicate<Change> keep) {
        Index index = new Index();
        long[] revision = {0};
        Datasets.large(batch -> index.apply(++revision[0], batch.stream().filter(keep).toList()), 42,
                Datasets.Large.scaled(scale));
        return new PeerData(index.read(w -> w));
    }

    /** Gatehouse's answer to "who can reach this space": every page of the aggregate. */
    int aggregate(ResourceRef r) {
        return EngineWalks.aggregate(world, r);
    }

    /** Gatehouse's answer to "which spaces can this member reach": every page of member spaces. */
    int memberSpaces(String userId) {
        return EngineWalks.memberSpaces(world, ORG, userId);
    }
}
