package org.civicdesk.core.api;

import java.util.List;

/**
 * One page of a larger result.
 *
 * @param items  the items of this page
 * @param total  how many items match in all
 * @param offset index of the first item of this page
 * @param limit  the page size asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }
}
