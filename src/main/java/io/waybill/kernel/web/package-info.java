/**
 * The web conventions every module's adapters share: RFC 9457 problem bodies
 * ({@link io.waybill.kernel.web.Problems}), request ids, request size limits, the OpenAPI document,
 * strong ETags for the reads marked {@link io.waybill.kernel.ConditionalGet}, and
 * {@link io.waybill.kernel.web.HandlerAnnotations}, which lets a filter see such a marker.
 */
@org.springframework.modulith.NamedInterface("web")
package io.waybill.kernel.web;
