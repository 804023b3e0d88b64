/**
 * The web conventions every module's adapters share: RFC 9457 problem bodies
 * ({@link io.waybill.kernel.web.Problems}), request ids, request size limits, the OpenAPI document.
 */
@org.springframework.modulith.NamedInterface("web")
package io.waybill.kernel.web;
