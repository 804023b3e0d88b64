/**
 * Who is calling and what they may do: bearer tokens and API keys become a
 * {@link io.waybill.kernel.Caller}, refused at once when the account is gone or its tokens were
 * revoked; rate limits ({@link io.waybill.security.Throttle}) in Redis or in memory; the audit log
 * of admin reads and every write. The identity module tells it about accounts and keys through
 * {@link io.waybill.security.AccountLookup} and {@link io.waybill.security.ApiKeyLookup}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = {"kernel", "kernel :: web", "kernel :: persistence"})
package io.waybill.security;
