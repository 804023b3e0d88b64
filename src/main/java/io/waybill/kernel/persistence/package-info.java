/**
 * Where state lives: the data directory, the embedded PostgreSQL of a first run, and the Redis client
 * when one is configured.
 */
@org.springframework.modulith.NamedInterface("persistence")
package io.waybill.kernel.persistence;
