package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An organization in and out as a file ({@link ExportFile}): export writes what it owns at one revision;
 * import checks a whole file first and then writes it through the write path in chunks, each one revision
 * with its audit entries and webhooks like any other write. Import only adds and replaces: a record already
 * as the file says is left alone, so importing a file again writes nothing, and records of the organization
 * that the file lacks stay.
 */
public final class DataService {
    /**
     * Records per write. Big enough that a chunk's commit is one sync for thousands of rows (on {@code large},
     * chunks of 5,000, 10,000 and 20,000 imported in 17.3, 16.5 and 15.1 s); small enough that trying a chunk
     * out holds the index from readers for some 25 ms only, and a chunk holds the write path well within its
     * timeout.
     */
    static final int CHUNK = 10_000;

    private final Reads reads;
    private final Writes writes;

    public DataService(Reads reads, Writes writes) {
        this.reads = reads;
        this.writes = writes;
    }

    /** What an import did. */
    public record Imported(String organizationId, int records, int written, int writes, long revision) {
    }

    /**
     * Writes the organization's export to {@code out}: admins and the system token only. Everything is read
     * at one revision, under one read, and written to {@code out} afterwards, so a slow reader holds no lock.
     */
    public void export(Caller caller, String orgId, OutputStream out) throws IOException {
        prepare(caller, orgId).writeTo(out);
    }

    /**
     * The organization's export, read and checked for the caller before its first byte is written: whatever
     * can refuse it refuses it while an error can still be answered.
     */
    public Export prepare(Caller caller, String orgId) {
        List<Change> puts = reads.read(w -> {
            Guard.orgAdmin(w, caller, orgId);
            return OrgContents.of(w, orgId);
        });
        return new Export(orgId, puts);
    }

    /** An export read and ready to be written. */
    public static final class Export {
        private final String orgId;
        private final List<Change> puts;

        private Export(String orgId, List<Change> puts) {
            this.orgId = orgId;
            this.puts = puts;
        }

        /** How many records it holds. */
        public int records() {
            return puts.size();
        }

        public void writeTo(OutputStream out) throws IOException {
            ExportFile.write(out, orgId, puts);
        }
    }

    /**
     * Imports a file into {@code orgId} ({@code null}: the organization the file names). A file of another
     * organization, cut short, of a newer version, or with any bad line or dangling reference is refused
     * whole, naming the line, and nothing is written. An organization that does not exist yet is created by
     * the file, by the system token only.
     */
    public Imported importFrom(Caller caller, String orgId, InputStream in) {
        ExportFile.Contents file = withEmailsNormalized(ExportFile.read(in));
        String org = orgId == null ? file.organizationId() : orgId;
        if (!file.organizationId().equals(org)) {
            throw ExportFile.at(1, "the file is of organization '" + file.organizationId() + "', not '" + org + "'");
        }
        reads.read(w -> {
            mayImport(w, caller, org);
            return null;
        });
        ImportCheck.check(reads, org, file.lines());
        reads.read(w -> {
            newUsersBySystemOnly(w, caller, file.lines());
            return null;
        });
        List<Change> puts = new ArrayList<>(file.lines().size());
        file.lines().forEach(l -> puts.add(l.put()));
        int written = 0;
        int writeCount = 0;
        long revision = reads.revision();
        for (List<Change> chunk : chunks(puts)) {
            Written<Integer> w = writes.write(caller, world -> {
                mayImport(world, caller, org);
                List<Change> changed = ImportDiff.changed(world, chunk);
                return Plan.of(changed, changed.size());
            });
            written += w.value();
            if (w.changed()) {
                writeCount++;
                revision = w.revision();
            }
        }
        return new Imported(org, puts.size(), written, writeCount, revision);
    }

    /**
     * The file's records in chunks of at most {@link #CHUNK}. A run of records of one kind long enough to be
     * written as puts apart ({@link GroupCommit#APART_FROM}) has chunks of its own, of even sizes: described in
     * one pass rather than tried out record by record, they halve the index's work. Shorter runs (the
     * organization's one record, a file that mixes kinds) share chunks, written the ordinary way.
     */
    static List<List<Change>> chunks(List<Change> puts) {
        List<List<Change>> chunks = new ArrayList<>();
        int mixedFrom = 0;
        int from = 0;
        while (from < puts.size()) {
            int to = from + 1;
            while (to < puts.size() && puts.get(to).getClass() == puts.get(from).getClass()) {
                to++;
            }
            int run = to - from;
            if (run >= GroupCommit.APART_FROM) {
                if (mixedFrom < from) {
                    chunks.add(puts.subList(mixedFrom, from));
                }
                int pieces = (run + CHUNK - 1) / CHUNK;
                for (int k = 0; k < pieces; k++) {
                    chunks.add(puts.subList(from + (int) ((long) run * k / pieces), from + (int) ((long) run * (k + 1) / pieces)));
                }
                mixedFrom = to;
            } else if (to - mixedFrom > CHUNK) {
                chunks.add(puts.subList(mixedFrom, from));
                mixedFrom = from;
            }
            from = to;
        }
        if (mixedFrom < puts.size()) {
            chunks.add(puts.subList(mixedFrom, puts.size()));
        }
        return chunks;
    }

    /**
     * Emails as Gatehouse keeps them, lower case, as {@code POST /v1/users} keeps them: a file from elsewhere may
     * write them otherwise, and an email kept in another case would be a second address for the same person. A
     * user line whose email is no email address refuses the file with its line.
     */
    private static ExportFile.Contents withEmailsNormalized(ExportFile.Contents file) {
        List<ExportFile.Line> lines = new ArrayList<>(file.lines().size());
        for (ExportFile.Line line : file.lines()) {
            if (line.put() instanceof Change.UserPut p && p.user().email() != null) {
                String email;
                try {
                    email = Emails.normalize(p.user().email());
                } catch (ApiException e) {
                    throw ExportFile.at(line.number(), e.getMessage());
                }
                if (!email.equals(p.user().email())) {
                    User u = p.user();
                    line = new ExportFile.Line(line.number(), new Change.UserPut(new User(u.id(), u.displayName(),
                            email, u.photoUrl(), u.invited(), u.createdAt())));
                }
            }
            lines.add(line);
        }
        return new ExportFile.Contents(file.organizationId(), lines);
    }

    /**
     * Users are the installation's: only the system token creates them ({@code POST /v1/users}), and an import
     * is no way around that. An admin's file may name users who exist already, whom it leaves as they are.
     */
    private static void newUsersBySystemOnly(World w, Caller caller, List<ExportFile.Line> lines) {
        if (caller.system()) {
            return;
        }
        for (ExportFile.Line line : lines) {
            if (line.put() instanceof Change.UserPut p && w.user(p.user().id()) == null) {
                throw new ApiException(403, "line " + line.number() + ": user '" + p.user().id()
                        + "' does not exist, and only the system token may create users");
            }
        }
    }

    private static void mayImport(World w, Caller caller, String org) {
        if (w.organization(org) == null && caller.system()) {
            return;
        }
        Guard.orgAdmin(w, caller, org);
    }
}
