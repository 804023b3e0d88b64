/**
 * Accounts and their credentials: registration, passwords, roles, access and refresh tokens, and
 * the first admin. Other modules learn about users through {@link io.waybill.identity.UserDirectory}
 * and the {@link io.waybill.identity.UserRegistered} event, never from its tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security", "mail"})
package io.waybill.identity;
