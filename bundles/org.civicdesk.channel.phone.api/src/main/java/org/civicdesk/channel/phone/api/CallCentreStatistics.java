package org.civicdesk.channel.phone.api;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the call centre's log tells about a period, for its reports (R17): each call's figures, the operators' time by
 * presence, and the call-backs asked for and made. Facts, not figures: service level, occupancy and the rest are worked
 * out by whoever reports them. Nothing here names a caller.
 */
@ProviderType
public interface CallCentreStatistics {

    /** The presence that counts as logged out: time in it is not an operator's working time. */
    String LOGGED_OUT = "logged_out";
    /** The presence of an operator waiting for a call. */
    String AVAILABLE = "available";
    /** The presences in which an operator handles a call: talking, then the wrap-up after it. */
    List<String> HANDLING = List.of("on_call", "wrap_up");

    /**
     * One call, without the caller.
     *
     * @param callId          the call's id
     * @param startedAt       when the exchange handed it to CivicDesk
     * @param queued          whether it reached the operators' queue
     * @param waitSeconds     how long it waited in the queue, until answered or given up ({@code null}: not queued or
     *                        still waiting)
     * @param answeredBy      the operator who answered it, or {@code null}
     * @param talkSeconds     how long the operator talked, once the conversation is over, or {@code null}
     * @param abandoned       whether the caller hung up in the queue before anyone answered (a call-back asked for
     *                        instead is not abandoned)
     * @param callbackAsked   whether the caller asked to be called back instead of waiting
     * @param outcome         how it ended: {@code completed} (the robot finished it), {@code hangup}, {@code abandoned},
     *                        {@code callback}, {@code interrupted}, … or {@code null} while it goes on
     */
    record Call(String callId, Instant startedAt, boolean queued, Long waitSeconds, String answeredBy, Long talkSeconds,
            boolean abandoned, boolean callbackAsked, String outcome) {

        /** Whether the robot finished the call without an operator (the robot's containment). */
        public boolean containedByRobot() {
            return !queued && "completed".equals(outcome);
        }
    }

    /**
     * A stretch of an operator's time in one presence, cut to the period asked for.
     *
     * @param presence {@code available}, {@code on_call}, {@code wrap_up}, {@code break} or {@link #LOGGED_OUT}
     */
    record PresenceSpan(String username, String presence, Instant from, Instant to) {
    }

    /**
     * A call-back asked for ({@code made} false: by a caller, or scheduled by staff about a request) or made.
     *
     * @param by the operator who made it, or {@code null} for one asked for
     */
    record Callback(Instant at, boolean made, String by) {
    }

    /**
     * The call centre's service level goal, as the phone channel is configured.
     *
     * @param answerSeconds      a call answered within this many seconds of joining the queue is answered in time
     * @param targetPercent      the share of calls to answer in time (80 in an 80/20 service level)
     * @param shortAbandonSeconds a caller hanging up within this many seconds of joining the queue is a short abandon,
     *                           left out of the service level and the abandon rate
     */
    record ServiceLevel(int answerSeconds, int targetPercent, int shortAbandonSeconds) {

        /** Whether {@code call} was answered within {@link #answerSeconds} of joining the queue. */
        public boolean answeredInTime(Call call) {
            return call.queued() && call.answeredBy() != null && waited(call) <= answerSeconds;
        }

        /** Whether the caller of {@code call} hung up in the queue within {@link #shortAbandonSeconds}. */
        public boolean shortAbandon(Call call) {
            return call.abandoned() && waited(call) < shortAbandonSeconds;
        }

        /**
         * The service level of {@code calls} in percent with one decimal: those answered in time of those offered to the
         * operators, short abandons left out; {@code null} when none was offered.
         */
        public Double achieved(Iterable<Call> calls) {
            long offered = 0;
            long inTime = 0;
            for (Call call : calls) {
                if (call.queued() && !shortAbandon(call)) {
                    offered++;
                    inTime += answeredInTime(call) ? 1 : 0;
                }
            }
            return offered == 0 ? null : Math.round(1000.0 * inTime / offered) / 10.0;
        }

        private static long waited(Call call) {
            return call.waitSeconds() == null ? 0 : call.waitSeconds();
        }
    }

    /** The service level goal now. */
    ServiceLevel serviceLevel();

    /** The calls that started in {@code [from, to)}, oldest first. */
    List<Call> calls(Instant from, Instant to);

    /** Every operator's presence over {@code [from, to)}, each span cut to that period; logged-out time left out. */
    List<PresenceSpan> presence(Instant from, Instant to);

    /** The call-backs asked for and those made in {@code [from, to)}, oldest first. */
    List<Callback> callbacks(Instant from, Instant to);
}
