package org.civicdesk.channel.phone.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

        /**
         * The service level of {@code days} as {@link #achieved(Iterable)} works it out for their calls, from the waits
         * each day keeps.
         *
         * @since 1.3
         */
        public Double achievedOver(Iterable<CallDay> days) {
            long offered = 0;
            long inTime = 0;
            for (CallDay day : days) {
                offered += day.queued() - sum(day.abandonedWaits(), 0, shortAbandonSeconds - 1L);
                inTime += sum(day.answeredWaits(), 0, answerSeconds);
            }
            return offered == 0 ? null : Math.round(1000.0 * inTime / offered) / 10.0;
        }

        /** How many abandoned calls of {@code day} are short abandons. @since 1.3 */
        public long shortAbandons(CallDay day) {
            return sum(day.abandonedWaits(), 0, shortAbandonSeconds - 1L);
        }

        private static long sum(Map<Long, Long> waits, long fromSeconds, long toSeconds) {
            long n = 0;
            for (Map.Entry<Long, Long> w : waits.entrySet()) {
                if (w.getKey() >= fromSeconds && w.getKey() <= toSeconds) {
                    n += w.getValue();
                }
            }
            return n;
        }

        private static long waited(Call call) {
            return call.waitSeconds() == null ? 0 : call.waitSeconds();
        }
    }

    /**
     * One day of the call centre (a day of the city), summed: what a report over weeks and months reads instead of every
     * call. Only counts and waits, as {@link Call} has them; a day over is summed once and kept.
     *
     * @param day            the day
     * @param calls          calls that started that day
     * @param queued         of them, those offered to the operators
     * @param answered       of those, answered by an operator
     * @param abandoned      of those, given up in the queue
     * @param talked         answered calls whose conversation is over
     * @param talkSeconds    their talk time
     * @param longestWait    the longest wait in the queue, in seconds
     * @param contained      calls the robot finished without an operator
     * @param callbacksAsked call-backs asked for that day
     * @param callbacksMade  call-backs made that day
     * @param answeredWaits  how many answered calls waited each number of seconds
     * @param abandonedWaits how many abandoned calls waited each number of seconds before the caller hung up
     * @param operators      each operator's day, by username
     * @since 1.3
     */
    record CallDay(LocalDate day, long calls, long queued, long answered, long abandoned, long talked, long talkSeconds,
            long longestWait, long contained, long callbacksAsked, long callbacksMade, Map<Long, Long> answeredWaits,
            Map<Long, Long> abandonedWaits, List<OperatorDay> operators) {
        public CallDay {
            answeredWaits = Map.copyOf(answeredWaits);
            abandonedWaits = Map.copyOf(abandonedWaits);
            operators = List.copyOf(operators);
        }

        /** The seconds answered calls waited, all together. */
        public long waitOfAnswered() {
            return answeredWaits.entrySet().stream().mapToLong(w -> w.getKey() * w.getValue()).sum();
        }
    }

    /**
     * An operator's day: calls answered (and the talk time of those over), and time handling calls and available.
     *
     * @since 1.3
     */
    record OperatorDay(String username, long answered, long talked, long talkSeconds, long handlingMillis,
            long availableMillis) {
    }

    /**
     * The days from {@code from} to {@code to} (both included, the city's days) on which anything happened, oldest
     * first: the days over as kept once summed, the others (today) summed now.
     *
     * @since 1.3
     */
    List<CallDay> days(LocalDate from, LocalDate to);

    /** The service level goal now. */
    ServiceLevel serviceLevel();

    /** The calls that started in {@code [from, to)}, oldest first. */
    List<Call> calls(Instant from, Instant to);

    /** Every operator's presence over {@code [from, to)}, each span cut to that period; logged-out time left out. */
    List<PresenceSpan> presence(Instant from, Instant to);

    /** The call-backs asked for and those made in {@code [from, to)}, oldest first. */
    List<Callback> callbacks(Instant from, Instant to);
}
