/**
 * Start-up that fails readably: a bad setting or an unreachable database ends with Spring Boot's
 * failure report (what went wrong, what to do); and start-up that builds only the clients that are
 * configured. Both registered in {@code META-INF/spring.factories}.
 */
package io.waybill.kernel.startup;
