package org.civicdesk.core.api;

import java.util.List;

/**
 * One page of a larger result.
 *
 * @param items  the items of this page
 * @param total  how many items match in all; when {@code exact} is false, at least this many
 * @param offset index of the first item of this page
 * @param limit  the page size asked for
 * @param exact  whether {@code total} was counted to the end (a large result may be counted only so far)
 */
public record Page<T>(List<T> items, long total, int offset, int limit, boolean exact) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page whose total was counted to the end. */
    public Page(List<T> items, long total, int offset, int limit) {
        this(items, total, offset, limit, true);
    }
}
