package dev.gatehouse.cli;

import dev.gatehouse.store.PrivateFiles;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SiteVisibility;
import dev.gatehouse.model.Visibility;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.OrganizationService;
import dev.gatehouse.service.PermissionService.Target;
import dev.gatehouse.service.Services;
import dev.gatehouse.service.UserService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small organization to try Gatehouse on, built through the same services the API uses:
 * people with every kind of membership, two teams, nested collections, spaces with each kind of
 * {@code defaultLevel}, pages, and a site.
 */
final class Demo {
    static final String TOKENS_FILE = "demo-tokens.txt";
    private static final Caller SYSTEM = Caller.SYSTEM;

    private Demo() {
    }

    static void run(Services s, Path dataDir, String url, PrintStream out) throws IOException {
        Path tokensFile = dataDir.resolve(TOKENS_FILE);
        if (s.reads().read(w -> w.user("alice")) != null) {
            again(s, tokensFile, url, out);
            return;
        }
        for (String[] u : new String[][] {{"alice", "Alice Admin"}, {"bob", "Bob Editor"}, {"carol", "Carol Reader"},
                {"dave", "Dave Guest"}, {"erin", "Erin Former"}}) {
            s.users().create(SYSTEM, new UserService.NewUser(u[0], u[1], u[0] + "@example.com", null));
        }
        String org = s.organizations().create(SYSTEM, "Acme Documentation", Role.READ, "alice").value().id();
        s.organizations().invite(SYSTEM, org, List.of(
                new OrganizationService.Invite("bob@example.com", Role.EDIT, true),
                new OrganizationService.Invite("carol@example.com", Role.READ, true),
                new OrganizationService.Invite("dave@example.com", null, true),
                new OrganizationService.Invite("erin@example.com", Role.EDIT, true)), null, false);
        s.organizations().updateMember(SYSTEM, org, "erin", null, false, true);

        String writers = s.teams().create(SYSTEM, org, "Writers", List.of("bob", "carol")).value().team().id();
        String support = s.teams().create(SYSTEM, org, "Support", List.of("carol", "dave")).value().team().id();

        String handbook = s.content().createCollection(SYSTEM, org, "Handbook", "How we work", null,
                DefaultLevel.INHERIT).value().value().id();
        String engineering = s.content().createCollection(SYSTEM, org, "Engineering", "Restricted", handbook,
                DefaultLevel.NONE).value().value().id();
        String welcome = space(s, org, "Welcome", null, Visibility.PRIVATE, DefaultLevel.of(Role.READ));
        String onboarding = space(s, org, "Onboarding", handbook, Visibility.PRIVATE, DefaultLevel.INHERIT);
        String runbooks = space(s, org, "Runbooks", engineering, Visibility.PRIVATE, DefaultLevel.INHERIT);
        String api = space(s, org, "Public API", null, Visibility.PUBLIC, DefaultLevel.INHERIT);
        String secret = space(s, org, "Board Notes", null, Visibility.PRIVATE, DefaultLevel.NONE);
        String firstWeek = s.pages().create(SYSTEM, onboarding, "First week", null, DefaultLevel.INHERIT, null).value().page().id();
        s.pages().create(SYSTEM, onboarding, "Accounts and tools", firstWeek, DefaultLevel.INHERIT, null);
        s.pages().create(SYSTEM, onboarding, "Salaries", null, DefaultLevel.NONE, null);

        s.permissions().invite(SYSTEM, Target.of(ResourceRef.collection(handbook)), Role.COMMENT,
                List.of(), List.of(writers));
        s.permissions().invite(SYSTEM, Target.of(ResourceRef.collection(engineering)), Role.EDIT,
                List.of("bob"), List.of());
        s.permissions().invite(SYSTEM, Target.of(ResourceRef.space(onboarding)), Role.READ, List.of("dave"), List.of());
        s.permissions().invite(SYSTEM, Target.of(ResourceRef.space(secret)), Role.EDIT, List.of("carol"), List.of());

        String site = s.sites().create(SYSTEM, org, "Developer Portal", SiteVisibility.PUBLIC, List.of(api, welcome))
                .value().site().id();
        s.permissions().invite(SYSTEM, Target.of(ResourceRef.site(site)), Role.READ, List.of(), List.of(support));

        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            tokens.put(user, s.users().createToken(SYSTEM, user, "demo").value().secret());
        }
        writeTokens(tokensFile, tokens);
        printTry(out, url, org, onboarding, runbooks, tokens, tokensFile);
    }

    /**
     * A start on an existing demo prints the same tokens and commands again: the tokens from the file the
     * first start wrote, the ids looked up by the demo's names.
     */
    private static void again(Services s, Path tokensFile, String url, PrintStream out) throws IOException {
        out.println("The demo organization is already here.");
        String[] ids = s.reads().read(w -> {
            for (String org : w.organizationsOf("alice")) {
                if (w.organization(org).title().equals("Acme Documentation")) {
                    String onboarding = null;
                    String runbooks = null;
                    for (var space : w.spaces(org)) {
                        onboarding = space.title().equals("Onboarding") ? space.id() : onboarding;
                        runbooks = space.title().equals("Runbooks") ? space.id() : runbooks;
                    }
                    return new String[] {org, onboarding, runbooks};
                }
            }
            return null;
        });
        Map<String, String> tokens = readTokens(tokensFile);
        if (ids == null || ids[1] == null || ids[2] == null || !tokens.containsKey("alice")) {
            // Changed since by hand: what is left to show is where the tokens were kept.
            out.println("It was changed since it was made; its tokens were kept in " + tokensFile);
            return;
        }
        printTry(out, url, ids[0], ids[1], ids[2], tokens, tokensFile);
    }

    private static Map<String, String> readTokens(Path file) throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split(" ", 2);
                if (parts.length == 2) {
                    tokens.put(parts[0], parts[1]);
                }
            }
        }
        return tokens;
    }

    private static void printTry(PrintStream out, String url, String org, String onboarding, String runbooks,
                                 Map<String, String> tokens, Path tokensFile) {
        out.println();
        out.println("Demo organization '" + org + "' (Acme Documentation): alice admin, bob edit, carol read,");
        out.println("dave guest, erin disabled; teams Writers {bob, carol} and Support {carol, dave}.");
        out.println("Personal tokens (also in " + tokensFile + "):");
        tokens.forEach((user, token) -> out.println("  " + user + ": " + token));
        out.println();
        out.println("Open the console at " + url + "/ and sign in with alice's token to see who has access to what,");
        out.println("share a space or a page (its Share button), ask why someone has access, and read the audit log.");
        out.println();
        out.println("Try:");
        out.println("  # who can reach the Onboarding space, and with what permission");
        out.println("  curl -s -H 'Authorization: Bearer " + tokens.get("alice") + "' " + url + "/v1/spaces/"
                + onboarding + "/permissions/aggregate");
        out.println("  # every space bob can reach");
        out.println("  curl -s -H 'Authorization: Bearer " + tokens.get("alice") + "' " + url + "/v1/orgs/" + org
                + "/members/bob/spaces");
        out.println("  # give carol edit access to Runbooks, by email");
        out.println("  curl -s -X POST -H 'Authorization: Bearer " + tokens.get("alice") + "' -H 'Content-Type: "
                + "application/json' -d '{\"role\":\"edit\",\"users\":[\"carol@example.com\"]}' " + url
                + "/v1/spaces/" + runbooks + "/permissions");
    }

    private static String space(Services s, String org, String title, String parent, Visibility visibility,
                                DefaultLevel level) {
        return s.content().createSpace(SYSTEM, org, title, null, parent, visibility, level).value().value().id();
    }

    private static void writeTokens(Path file, Map<String, String> tokens) throws IOException {
        StringBuilder text = new StringBuilder();
        tokens.forEach((user, token) -> text.append(user).append(' ').append(token).append('\n'));
        Files.deleteIfExists(file);
        PrivateFiles.file(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
