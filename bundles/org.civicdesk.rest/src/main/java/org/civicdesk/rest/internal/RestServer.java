package org.civicdesk.rest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.transport.ChainInitiationObserver;
import org.apache.cxf.transport.Destination;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.sse.SseContextProvider;
import org.apache.cxf.jaxrs.sse.SseEventSinkContextProvider;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.identity.api.StaffPresence;
import org.civicdesk.rest.api.CallOrigins;
import org.civicdesk.rest.api.RestResource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * The one CivicDesk JAX-RS application, published on CXF's servlet (context {@code /api}, see
 * {@code etc/org.apache.cxf.osgi.cfg}) at {@code /v1}. It owns JSON, authentication, role checks
 * and problem responses, and gathers every {@link RestResource} service: when a bundle adds or
 * removes resources, the application is published again with the new set.
 *
 * <p>Republishing leaves no gap: CXF's own way (destroy the server, create another) has a moment
 * when the address has no handler and a request gets a 500. The address's one handler is a
 * {@link SwitchingObserver} instead, and each publication's servers are built unstarted and
 * switched to in one step; requests under way finish on the application they started on.
 *
 * <p>Resources are bound after construction, so each initial binding publishes again: a handful
 * of cheap republications at start rather than a timer thread.
 */
@Component(immediate = true, configurationPid = RestServer.PID)
@Designate(ocd = RestConfig.class)
public class RestServer {
    static final String PID = "org.civicdesk.rest";
    static final String ADDRESS = "/v1";
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final Bus bus;
    private final StaffDirectory staff;
    private final Sessions sessions;
    private final ClientOrigins origins = new ClientOrigins();
    private final ServiceRegistration<CallOrigins> originsRegistration;
    private final ServiceRegistration<StaffPresence> presenceRegistration;
    private final LoginThrottle throttle;
    private final LoginGate gate;
    private final SecurityHeaders securityHeaders;
    private final SessionResource sessionResource;
    private final List<RestResource> resources = new CopyOnWriteArrayList<>();
    private final SwitchingObserver observer = new SwitchingObserver();
    private Destination destination;
    private boolean active = true;

    @Activate
    public RestServer(@Reference StaffDirectory staff, @Reference AuditLog audit, RestConfig config,
            BundleContext context) {
        // CXF's servlet (context /api) serves the default bus; CXF does not publish it as a service.
        this.bus = BusFactory.getDefaultBus();
        this.staff = staff;
        this.sessions = new Sessions(config.sessionIdleMinutes() * 60_000L);
        this.throttle = new LoginThrottle(limits(config));
        this.gate = new LoginGate(throttle);
        this.securityHeaders = new SecurityHeaders(origins, config.hstsMaxAgeSeconds());
        this.sessionResource = new SessionResource(sessions, staff, audit, origins, gate);
        origins.setTrusted(trustedProxies(config));
        // The portal and Open311 tell where a call comes from as the API does.
        this.originsRegistration = context.registerService(CallOrigins.class, origins, null);
        // Who is logged in to the console, for the staff directory.
        this.presenceRegistration = context.registerService(StaffPresence.class, () -> consolePresence(sessions), null);
    }

    private static Map<String, StaffPresence.Presence> consolePresence(Sessions sessions) {
        Map<String, StaffPresence.Presence> now = new HashMap<>();
        sessions.active().forEach((user, seen) -> now.put(user, new StaffPresence.Presence("console", "online", null,
                Instant.ofEpochMilli(seen))));
        return now;
    }

    @Modified
    void modified(RestConfig config) {
        sessions.setIdleMillis(config.sessionIdleMinutes() * 60_000L);
        throttle.setLimits(limits(config));
        securityHeaders.setHstsMaxAgeSeconds(config.hstsMaxAgeSeconds());
        origins.setTrusted(trustedProxies(config));
    }

    private static LoginThrottle.Limits limits(RestConfig config) {
        return new LoginThrottle.Limits(config.loginFailuresPerAddressAndUser(), config.loginFailuresPerAddress(),
                config.loginFailuresPerUserFromNewAddresses(), config.loginFirstDelaySeconds() * 1000L,
                config.loginMaxDelaySeconds() * 1000L, config.loginFailureMemoryMinutes() * 60_000L);
    }

    /** A list that does not parse trusts no proxy: believing forwarded headers must be asked for correctly. */
    private static ClientOrigin.TrustedProxies trustedProxies(RestConfig config) {
        try {
            return ClientOrigin.TrustedProxies.parse(config.trustedProxies());
        } catch (IllegalArgumentException e) {
            LOG.error("trustedProxies in {}.cfg is not a list of IP addresses and ranges ({}); no proxy is trusted",
                    PID, e.getMessage());
            return ClientOrigin.TrustedProxies.NONE;
        }
    }

    @Deactivate
    synchronized void deactivate() {
        originsRegistration.unregister();
        presenceRegistration.unregister();
        active = false;
        stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addResource(RestResource resource) {
        resources.add(resource);
        if (active) {
            publish();
        }
    }

    synchronized void removeResource(RestResource resource) {
        resources.remove(resource);
        if (active) {
            publish();
        }
    }

    private void publish() {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(ADDRESS);
        List<Object> beans = new ArrayList<>(resources);
        beans.add(sessionResource);
        factory.setServiceBeans(beans);
        factory.setStart(false);
        factory.setProviders(List.of(new JacksonJsonProvider(Json.MAPPER), new BodyLimit(),
                new Security(staff, sessions, origins, gate),
                new ExceptionMappers.DomainMapper(), new ExceptionMappers.JsonMapper(),
                new ExceptionMappers.WebMapper(), new ExceptionMappers.AnyMapper(), securityHeaders,
                // Server-sent events (a resource's SseEventSink and Sse), e.g. the console's live notifications.
                new SseContextProvider(), new SseEventSinkContextProvider()));
        // Publishing must not run on the service registry's event with another bundle's class loader.
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
            Server server = factory.create();
            observer.switchTo(new ChainInitiationObserver(server.getEndpoint(), bus));
            if (destination != server.getDestination()) {
                destination = server.getDestination();
                destination.setMessageObserver(observer);
            }
            LOG.info("CivicDesk API published at /api{} with {} resources", ADDRESS, resources.size());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private void stop() {
        if (destination != null) {
            destination.setMessageObserver(null);
            destination.shutdown();
            destination = null;
        }
    }
}
