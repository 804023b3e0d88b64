/**
 * What every module uses and none owns: the caller of a request, the refusals every module may
 * raise, paging, error responses, security wiring and database start-up. No business rule lives
 * here. An open module: its sub-packages are wiring that the other modules never reference.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.waybill.platform;
