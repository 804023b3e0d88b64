package io.waybill.kernel;

import java.util.UUID;

/** Who is making a request: an authenticated account and its current role. */
public record Caller(UUID userId, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isAgent() {
        return role == Role.AGENT;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    public boolean is(UUID user) {
        return userId.equals(user);
    }
}
