package io.waybill.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where token buckets live: in this process, or in Redis. */
interface BucketStore {

    Bucket bucket(String key, BucketConfiguration configuration);

    void remove(String key);
}
