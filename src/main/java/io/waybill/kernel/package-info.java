/**
 * The shared kernel: what every module uses and none owns. The caller of a request and its role,
 * the refusals any module may raise (each becomes an RFC 9457 problem), paging, single-line text
 * and phone numbers, settings that fail readably, the clock, and the worker loop that claims work,
 * commits, then calls out. No business rule lives here, and it depends on no other module.
 * Its sub-packages are wiring that no module references: the web conventions (problems, request
 * ids, size limits), health checks, database and Redis start-up, and the failure reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kernel", allowedDependencies = {})
package io.waybill.kernel;
