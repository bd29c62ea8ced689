package dev.gatehouse.faults;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything an index holds that writes change (organizations, members with roles, teams and their
 * members, collections, spaces, pages, sites and every grant), as sorted lines of the model records: two
 * indexes hold the same state exactly when their dumps are equal. Read through World's public
 * accessors only, so main code needs nothing for it.
 */
record WorldDump(long revision, TreeSet<String> lines) {

    /** The dump of a running node's index, with the revision it reflects, taken under one read. */
    static WorldDump of(Reads index) {
        return index.read(w -> new WorldDump(index.revision(), lines(w)));
    }

    private static TreeSet<String> lines(World w) {
        TreeSet<String> out = new TreeSet<>();
        for (Organization org : w.organizations().values()) {
            String o = org.id();
            out.add("org " + org);
            w.members(o).values().forEach(m -> out.add("member " + m));
            for (Team t : w.teams(o).values()) {
                out.add("team " + t);
                w.teamMembers(t.id()).values().forEach(m -> out.add("team-member " + m));
            }
            for (Collection c : w.collections(o).values()) {
                out.add("collection " + c);
                grants(w, ResourceRef.collection(c.id()), out);
            }
            for (Space s : w.spaces(o)) {
                out.add("space " + s);
                grants(w, ResourceRef.space(s.id()), out);
                for (Page p : w.pages(s.id())) {
                    out.add("page " + p);
                    grants(w, ResourceRef.page(p.id()), out);
                }
            }
            for (Site site : w.sites(o).values()) {
                out.add("site " + site);
                grants(w, ResourceRef.site(site.id()), out);
            }
        }
        return out;
    }

    private static void grants(World w, ResourceRef r, TreeSet<String> out) {
        World.Grants g = w.grants(r);
        g.users().values().forEach(x -> out.add("grant " + x));
        g.teams().values().forEach(x -> out.add("grant " + x));
    }

    /** What differs, a few lines each way, for a failure message; empty when equal. */
    String diff(WorldDump truth) {
        if (revision == truth.revision && lines.equals(truth.lines)) {
            return "";
        }
        List<String> onlyHere = new ArrayList<>(lines);
        onlyHere.removeAll(truth.lines);
        List<String> onlyThere = new ArrayList<>(truth.lines);
        onlyThere.removeAll(lines);
        return "index at revision " + revision + ", database at " + truth.revision + "; only in the index: "
                + head(onlyHere) + "; only in the database: " + head(onlyThere);
    }

    private static List<String> head(List<String> l) {
        return l.size() <= 4 ? l : l.subList(0, 4);
    }
}
