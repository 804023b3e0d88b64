/**
 * Accounts and their credentials: registration, passwords, roles, access and refresh tokens, API
 * keys, and the first admin; tenants (one company each on a shared deployment), which a platform
 * operator opens with their first admins ({@link io.waybill.identity.TenantService}), and the tenant
 * a request without a token belongs to ({@link io.waybill.identity.AccountTenants}), which for a
 * sign-in with an identity provider is the tenant its registration is configured for
 * ({@link io.waybill.identity.SignInProviders}). Other modules learn about users from its events
 * ({@link io.waybill.identity.UserRegistered}, {@link io.waybill.identity.UserUpdated},
 * {@link io.waybill.identity.UserDeleted}, {@link io.waybill.identity.ApiKeyIssued},
 * {@link io.waybill.identity.ApiKeyRevoked}), never from its tables. Whether an account is active,
 * its role and its revoked tokens, and whom a key acts for, are answered by the security module's
 * copy ({@link io.waybill.security.AccountLookup}), which identity writes in the transaction of each
 * change ({@link io.waybill.security.AccountRecords}) and other services fill from these events.
 * The notifications module keeps its own copy of contact details from the same events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "kernel :: web", "eventing", "security", "mail"})
package io.waybill.identity;
