package org.civicdesk.audit.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

import org.civicdesk.scheduler.api.Job;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A bundle context that keeps the jobs registered with it, as the scheduler would see them come and go. */
final class FakeScheduler {
    /** A job service as registered, and whether it has been unregistered. */
    static final class Registered {
        final Job job;
        final Dictionary<String, ?> properties;
        boolean unregistered;

        Registered(Job job, Dictionary<String, ?> properties) {
            this.job = job;
            this.properties = properties;
        }
    }

    final List<Registered> registered = new ArrayList<>();

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || args[0] != Job.class) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    @SuppressWarnings("unchecked")
                    Registered job = new Registered((Job) args[1], (Dictionary<String, ?>) args[2]);
                    registered.add(job);
                    return registration(job);
                });
    }

    private ServiceRegistration<?> registration(Registered job) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("unregister") || job.unregistered) {
                        throw new IllegalStateException(method.toString());
                    }
                    job.unregistered = true;
                    return null;
                });
    }

    /** The jobs registered now. */
    List<Registered> active() {
        return registered.stream().filter(r -> !r.unregistered).toList();
    }
}
