package dev.gatehouse.service;

/** Every use case of one running Gatehouse, wired to the same core. */
public record Services(Gatehouse core, UserService users, OrganizationService organizations, TeamService teams,
                       ContentService content, SiteService sites, PermissionService permissions,
                       PageService pages) {

    public static Services create(Gatehouse core, String systemToken) {
        return new Services(core, new UserService(core, systemToken), new OrganizationService(core),
                new TeamService(core), new ContentService(core), new SiteService(core), new PermissionService(core),
                new PageService(core));
    }
}
