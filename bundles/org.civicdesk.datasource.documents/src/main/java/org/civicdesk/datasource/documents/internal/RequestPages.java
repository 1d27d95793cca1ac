package org.civicdesk.datasource.documents.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;

import org.civicdesk.core.api.Actor;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.ServiceRequest;

/**
 * The requests registered in a period, a page at a time, for the jobs that catch up with what was filed while they
 * were not looking (the document registry, the document management system's outbox).
 */
final class RequestPages {
    static final int PAGE = 500;

    private RequestPages() {
    }

    /**
     * Gives {@code work} every request registered since {@code since} ({@code null}: ever) and before {@code until}
     * ({@code null}: now), a page at a time; returns the sum of what it answered. Pages go newest first, each from the
     * oldest registration of the page before (not by offset: a million requests would cost a million rows read for each
     * page near the end); a request registered in the same millisecond as the oldest of a page may be given twice.
     */
    static int walk(RequestRegistry requests, Actor actor, Instant since, Instant until,
            ToIntFunction<List<ServiceRequest>> work) {
        return walk(requests, actor, RequestQuery.all(), since, until, work);
    }

    /** As {@link #walk(RequestRegistry, Actor, Instant, Instant, ToIntFunction)}, among the requests {@code filter} keeps. */
    static int walk(RequestRegistry requests, Actor actor, RequestQuery filter, Instant since, Instant until,
            ToIntFunction<List<ServiceRequest>> work) {
        int sum = 0;
        Instant before = until;
        while (true) {
            List<ServiceRequest> page = requests.newest(actor, filter.registeredBetween(since, before), 0, PAGE);
            sum += work.applyAsInt(page);
            if (page.size() < PAGE) {
                return sum;
            }
            Instant oldest = page.get(page.size() - 1).registeredAt();
            if (page.get(0).registeredAt().equals(oldest)) {
                // A whole page registered in one millisecond (an archive imported with its days only): that one by offset.
                RequestQuery sameMillisecond = filter.registeredBetween(oldest, oldest.plusMillis(1));
                List<ServiceRequest> more;
                int offset = PAGE;
                do {
                    more = requests.newest(actor, sameMillisecond, offset, PAGE);
                    sum += work.applyAsInt(more);
                    offset += PAGE;
                } while (more.size() == PAGE);
                before = oldest;
            } else {
                // From the oldest's millisecond on: others may share it (those already done are found so).
                before = oldest.plusMillis(1);
            }
        }
    }
}
