/**
 * Start-up that fails readably: a bad setting or an unreachable database ends with Spring Boot's
 * failure report (what went wrong, what to do); start-up that leaves out the business modules this
 * process does not run ({@link io.waybill.kernel.startup.ServiceScope}); and start-up that builds
 * only the clients that are configured. All registered in {@code META-INF/spring.factories}.
 */
package io.waybill.kernel.startup;
