/**
 * The shared kernel: what every module uses and none owns. The caller of a request and its role,
 * the refusals any module may raise (each becomes an RFC 9457 problem), paging, single-line text
 * and phone numbers, settings that fail readably, the clock, the worker loop that claims work,
 * commits, then calls out, a tenant's value kept per process for a few seconds
 * ({@link io.waybill.kernel.TenantSnapshots}), and which business modules this process runs ({@link io.waybill.kernel.Services}).
 * The markers a controller method puts on itself to get a web convention: {@link io.waybill.kernel.Idempotent}
 * (retried writes answered once) and {@link io.waybill.kernel.ConditionalGet} (ETags and 304).
 * No business rule lives here, and it depends on no other module.
 * Its sub-packages are wiring that no module references: the web conventions (problems, request
 * ids, size limits), health checks, database and Redis start-up with each module's migrations, the
 * failure reports, and the scan filter that leaves out the modules this process does not run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kernel", allowedDependencies = {})
package io.waybill.kernel;
