package io.waybill.security.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that verifies a token's signature once and remembers the result, as a
 * client sends the same access token with every request for its lifetime. Parsing, the HMAC and the
 * claims' conversion were about a seventh of the CPU of an authenticated read; a remembered token
 * costs a map look-up. The key is the whole token, signature included, so only the very string that
 * verified is ever taken from memory; its time claims and issuer are checked again on every use, so
 * an expired token fails as before. What a token's account may do is not remembered here: that is
 * looked up on each request ({@link TokenToCaller}).
 *
 * <p>At most {@code capacity} tokens are kept; when full, the memory starts over (a token's next use
 * verifies it again). Tokens that fail are never kept.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier  decodes, verifies the signature and validates (the first use of a token)
     * @param validator the time and issuer checks, run again on every later use
     */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.verifier = verifier;
        this.validator = validator;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            throw new BadJwtException("No token");
        }
        Jwt known = verified.get(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            if (verified.size() >= capacity) {
                verified.clear();
            }
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return known;
    }

    int size() {
        return verified.size();
    }
}
