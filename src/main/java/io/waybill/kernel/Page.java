package io.waybill.kernel;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the contract's shape: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageQuery query, long total) {
        return new Page<>(List.copyOf(items), query.page(), query.size(), total);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
