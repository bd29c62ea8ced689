package dev.gatehouse.service;

/** Every use case of one running Gatehouse, wired to the same core. */
public record Services(Gatehouse core, UserService users, OrganizationService organizations, TeamService teams,
                       ContentService content, SiteService sites, PermissionService permissions,
                       PageService pages, AuditService audit, WebhookService webhooks,
                       IdempotencyService idempotency, NodeStatus status, AuditEventService auditEvents) {

    /** Webhooks to public addresses only. */
    public static Services create(Gatehouse core, String systemToken) {
        return create(core, systemToken, WebhookPolicy.publicOnly());
    }

    public static Services create(Gatehouse core, String systemToken, WebhookPolicy webhooks) {
        return new Services(core, new UserService(core, systemToken), new OrganizationService(core),
                new TeamService(core), new ContentService(core), new SiteService(core), new PermissionService(core),
                new PageService(core), new AuditService(core), new WebhookService(core, webhooks),
                new IdempotencyService(core), new NodeStatus(core), new AuditEventService(core, core.store()));
    }
}
