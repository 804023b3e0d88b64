/**
 * Who is calling and what they may do: bearer tokens and API keys become a
 * {@link io.waybill.kernel.Caller}, refused when the account is gone or its tokens were revoked;
 * rate limits ({@link io.waybill.security.Throttle}) in Redis or in memory; the audit log of admin
 * reads and every write; idempotency keys of the writes marked {@link io.waybill.kernel.Idempotent}
 * (sub-package {@code idempotency}, table {@code security.idempotency_keys}): here because a key
 * belongs to the authenticated caller, and this shared module's schema exists in every process
 * that serves a write.
 *
 * <p>What authentication needs to know of accounts and API keys
 * ({@link io.waybill.security.AccountLookup}, {@link io.waybill.security.ApiKeyLookup}) comes from
 * this module's own copy (schema {@code security}), not from the identity module. Every request of
 * every service passes through it, so it is a local read model fed by identity's events
 * ({@code user.created}, {@code user.updated}, {@code user.deleted}, {@code api_key.issued},
 * {@code api_key.revoked}) rather than an HTTP call to identity: a call on each request would add a
 * network round trip to all of them and make every service fail whenever identity is down. Identity
 * also writes the copy in the transaction of each change ({@link io.waybill.security.AccountRecords}),
 * so its own process sees a logout everywhere, a deletion or a revoked key at the very next request.
 *
 * <p>Elsewhere the copy lags by the events' delivery time, and its answers are chosen for that:
 * <ul>
 * <li>A token whose subject the copy has not heard of is accepted with the role the token claims:
 * identity signs tokens only for accounts it has, and a deleted account keeps its row (marked
 * deleted, for good), so "no row" means "not heard of yet", never "deleted".</li>
 * <li>A deletion, a changed role, or a logout everywhere takes effect once its event arrives; until
 * then the service acts on the state it knew.</li>
 * <li>An API key the copy has not heard of is refused: a new key works on a service once its
 * {@code api_key.issued} event has arrived there.</li>
 * <li>Other modules asking whether an account is active (an agent to assign, say) get "no" for an
 * account not heard of yet, the same answer as for a wrong id.</li>
 * </ul>
 * Facts apply idempotently and in any order: only a newer state replaces an older one, and
 * deletions and revocations are final.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = {"kernel", "kernel :: web", "kernel :: persistence", "eventing"})
package io.waybill.security;
