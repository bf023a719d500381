package dev.aftersales.chassis.paging;

import java.util.List;

/**
 * One page of a list as every list door answers it: {@code {"items": [...], "next": "<cursor>"}};
 * {@code next} is null on the last page.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }
}
