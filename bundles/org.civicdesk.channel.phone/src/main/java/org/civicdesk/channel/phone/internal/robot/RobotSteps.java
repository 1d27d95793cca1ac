package org.civicdesk.channel.phone.internal.robot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.civicdesk.channel.phone.api.RobotStep;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robot's steps: every {@link RobotStep} service, keyed by its id property, as bundles add and
 * remove them. A call takes the steps present when it starts ({@link #present()}); one that leaves
 * meanwhile is no longer run ({@link #isPresent}). Two services with one id: the first registered
 * counts, the other waits in case it leaves.
 */
@Component(service = RobotSteps.class)
public class RobotSteps {
    private static final Logger LOG = LoggerFactory.getLogger(RobotSteps.class);
    private static final Pattern KEY = Pattern.compile("[1-9]");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final int DEFAULT_ORDER = 1000;

    /** A step service with what its properties say of it; {@code key} is {@code null} when it declares none. */
    public record Entry(String id, int order, String key, long serviceId, RobotStep step) {
    }

    private final List<Entry> registered = new CopyOnWriteArrayList<>();

    @Reference(name = "step", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStep")
    void addStep(RobotStep step, Map<String, Object> properties) {
        Object id = properties.get(RobotStep.ID);
        if (id == null || !ID.matcher(id.toString()).matches()) {
            LOG.warn("A robot step of {} has no valid {} property (letters, digits, dashes): it is left out",
                    step.getClass().getName(), RobotStep.ID);
            return;
        }
        Object key = properties.get(RobotStep.KEY);
        if (key != null && !KEY.matcher(key.toString().strip()).matches()) {
            LOG.warn("The robot step {} asks for key '{}'; a step's key is 1 to 9, so it gets the first free one", id, key);
            key = null;
        }
        registered.add(new Entry(id.toString(), order(id, properties.get(RobotStep.ORDER)),
                key == null ? null : key.toString().strip(), serviceId(properties), step));
        LOG.info("The phone robot's menu offers the step {} from the next call", id);
    }

    void removeStep(RobotStep step, Map<String, Object> properties) {
        long serviceId = serviceId(properties);
        registered.removeIf(e -> e.serviceId() == serviceId);
    }

    private static int order(Object id, Object order) {
        if (order == null) {
            return DEFAULT_ORDER;
        }
        if (order instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(order.toString().strip());
        } catch (NumberFormatException e) {
            LOG.warn("The robot step {} has order '{}', not a number: it goes last", id, order);
            return DEFAULT_ORDER;
        }
    }

    private static long serviceId(Map<String, Object> properties) {
        Object id = properties.get(Constants.SERVICE_ID);
        return id instanceof Number n ? n.longValue() : -1;
    }

    /** The steps registered now, one per id (the first registered), in their order, then by id. */
    public List<Entry> present() {
        Map<String, Entry> byId = new LinkedHashMap<>();
        registered.stream().sorted(Comparator.comparingLong(Entry::serviceId)).forEach(e -> byId.putIfAbsent(e.id(), e));
        List<Entry> steps = new ArrayList<>(byId.values());
        steps.sort(Comparator.comparingInt(Entry::order).thenComparing(Entry::id));
        return List.copyOf(steps);
    }

    /** Whether the step is still registered (its bundle may have stopped since the call started). */
    public boolean isPresent(Entry step) {
        return registered.contains(step);
    }
}
