package io.waybill.kernel;

/** A page of a list: page is zero-based, size is capped at {@value #MAX_SIZE}. */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageQuery {
        if (page < 0) {
            throw new BadParameterException("page", "must be zero or more");
        }
        if (size < 1) {
            throw new BadParameterException("size", "must be at least 1");
        }
        size = Math.min(size, MAX_SIZE);
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
