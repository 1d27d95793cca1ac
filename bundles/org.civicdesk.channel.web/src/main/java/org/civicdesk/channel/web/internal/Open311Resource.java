package org.civicdesk.channel.web.internal;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicdesk.audit.api.AuditEvent;
import org.civicdesk.audit.api.AuditLog;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.CityClock;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.core.api.NotFoundException;
import org.civicdesk.core.api.TextInput;
import org.civicdesk.datasource.documents.api.AttachmentStore;
import org.civicdesk.datasource.documents.api.StoredAttachment;
import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.StaffDirectory;
import org.civicdesk.persistence.StampedCache;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.EventKind;
import org.civicdesk.request.api.Location;
import org.civicdesk.request.api.NewRequest;
import org.civicdesk.request.api.RequestAttribute;
import org.civicdesk.request.api.RequestChange;
import org.civicdesk.request.api.RequestEvent;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.request.api.RequestQuery;
import org.civicdesk.request.api.RequestRegistry;
import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.civicdesk.request.api.ServiceRequest;

/**
 * GeoReport v2 resources. The services are CivicDesk's request types (the code is the service
 * code, the department the group); a service request is a CivicDesk request, its id the
 * registration number. The public reads show only requests of the public types and never any
 * personal data: no citizen, no contact, no staff names.
 */
final class Open311Resource {
    static final String SPEC = "http://wiki.open311.org/GeoReport_v2";
    /** The longest window a list of requests may span, as the specification sets it. */
    static final Duration MAX_WINDOW = Duration.ofDays(90);
    static final int DEFAULT_LIMIT = 1000;
    /** How long a rendered list is answered with while the registry's last change stays where it was. */
    static final long LIST_MAX_AGE_MILLIS = 5000;
    private static final PostedReports.Posted NOTHING_POSTED = new PostedReports.Posted(null, null);
    /** Who reads for the public: a system actor, so the audit trail tells public reads apart. */
    private static final Actor PUBLIC = Actor.system("open311-public");

    private final RequestTypeCatalog types;
    private final RequestRegistry requests;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final AttachmentStore attachments;
    private final PublicMedia media;
    private final PostedReports posted;
    private final WebChannelConfig config;
    private final Set<String> publicTypes;
    private final Set<String> tokenTypes;
    /** The lists rendered lately: clients ask for the same default list over and over. */
    private final StampedCache<byte[]> lists;
    private final ZoneId zone;
    /** When this endpoint's description last changed: when it started with the services it offers. */
    private final String changeset = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    /** A photo sent with a report. */
    record Upload(String fileName, byte[] content) {
    }

    /** The services the resources work with, which outlive a change of configuration. */
    record Services(RequestTypeCatalog types, RequestRegistry requests, StaffDirectory staff, AuditLog audit,
            AttachmentStore attachments, PublicMedia media, PostedReports posted, CityClock clock) {
    }

    Open311Resource(Services services, WebChannelConfig config) {
        this.types = services.types();
        this.requests = services.requests();
        this.staff = services.staff();
        this.audit = services.audit();
        this.attachments = services.attachments();
        this.media = services.media();
        this.posted = services.posted();
        this.config = config;
        this.publicTypes = codes(config.publicTypes());
        this.tokenTypes = codes(config.tokenTypes());
        this.zone = services.clock().zone();
        this.lists = new StampedCache<>(requests::lastChange, LIST_MAX_AGE_MILLIS);
    }

    /** The request types whose requests the public may read, in code order. */
    List<String> publicTypes() {
        return publicTypes.stream().sorted().toList();
    }

    private static Set<String> codes(String list) {
        return Set.copyOf(List.of(list == null ? new String[0] : list.split("[,\\s]+")).stream()
                .filter(s -> !s.isEmpty()).toList());
    }

    /** The endpoint's description; {@code base} is its URL as the client reached it. */
    String discovery(Open311Format f, String base) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPEC);
        endpoint.put("url", base);
        endpoint.put("changeset", changeset);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("application/json", "text/xml"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", changeset);
        discovery.put("contact", "Primăria — relații cu publicul");
        discovery.put("key_service", "API keys are issued by the city hall's administrators");
        discovery.put("endpoints", List.of(endpoint));
        return f.renderObject("discovery", discovery);
    }

    /**
     * The services: the request types the public API reads back (a report posted to one is then read with its id and
     * is in the lists), names in Romanian or, with {@code locale=en}, English. Other types are not offered.
     */
    String services(Open311Format f, String locale) {
        String language = language(locale);
        List<Map<String, Object>> services = types.list().stream().filter(t -> publicTypes.contains(t.code()))
                .map(t -> service(t, language, tokenTypes.contains(t.code()))).toList();
        return f.render("services", "service", services);
    }

    /** A service offered ({@link #services}): 404 for any other code, as the specification has it. */
    private RequestType offered(String code) {
        return types.find(code).filter(t -> publicTypes.contains(t.code())).orElseThrow(() -> new NotFoundException(
                "no service " + code + "; GET services.json lists them"));
    }

    /** A service's definition: the attributes its type asks, in order. */
    String serviceDefinition(Open311Format f, String code, String locale) {
        RequestType type = offered(code);
        String language = language(locale);
        List<Map<String, Object>> attributes = new ArrayList<>();
        int order = 0;
        for (RequestAttribute a : type.attributes()) {
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("variable", true);
            attribute.put("code", a.code());
            attribute.put("datatype", a.datatype().id());
            attribute.put("required", a.required());
            attribute.put("datatype_description", null);
            attribute.put("order", ++order);
            attribute.put("description", a.description(language));
            List<Map<String, Object>> values = new ArrayList<>();
            for (RequestAttribute.Value v : a.values()) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("key", v.key());
                value.put("name", v.name(language));
                values.add(value);
            }
            attribute.put("values", values);
            attributes.add(attribute);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", type.code());
        definition.put("attributes", attributes);
        return f.renderObject("service_definition", definition);
    }

    /** A request type as a service; {@code batch} when its submissions are answered with a token. */
    private static Map<String, Object> service(RequestType type, String language, boolean batch) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", type.code());
        service.put("service_name", type.name(language));
        service.put("description", type.name(language));
        service.put("metadata", !type.attributes().isEmpty());
        service.put("type", batch ? "batch" : "realtime");
        service.put("keywords", type.code().replace('-', ','));
        service.put("group", type.department());
        return service;
    }

    /**
     * Files a report: checks everything — the service, the place, the answers, the photos —
     * before anything is stored, then registers it, then stores its photos.
     */
    String post(Open311Format f, Actor client, Open311Params p, List<Upload> photos) {
        String code = p.get("service_code");
        if (code == null) {
            throw InvalidInputException.of("service_code", "param.required");
        }
        RequestType type = offered(code);
        Double lat = p.number("lat", -90, 90);
        Double lon = p.number("long", -180, 180);
        String address = p.get("address_string", 300);
        // Kept as posted and given back to every reader: a line of text, as the address is.
        String addressId = TextInput.line("address_id", p.get("address_id", 100), 100);
        if ((lat == null) != (lon == null)) {
            throw InvalidInputException.of("long", "open311.latLong");
        }
        if (lat == null && address == null && addressId == null) {
            throw InvalidInputException.of("lat", "open311.where");
        }
        String description = p.get("description", RequestAttribute.MAX_TEXT);
        // Checked as the history will store it: it is recorded after the request is filed.
        String mediaUrl = TextInput.line("media_url", p.get("media_url", RequestChange.MAX_ATTACHMENT_REF),
                RequestChange.MAX_ATTACHMENT_REF);
        if (mediaUrl != null && !mediaUrl.matches("https?://[^\\s]+")) {
            throw InvalidInputException.of("media_url", "open311.mediaUrl");
        }
        List<String> photoTypes = checkPhotos(photos);
        String firstName = p.get("first_name", CitizenDetails.MAX_FIRST_NAME);
        String lastName = p.get("last_name", CitizenDetails.MAX_FIRST_NAME);
        String email = p.get("email", CitizenDetails.MAX_EMAIL);
        String phone = p.get("phone", CitizenDetails.MAX_PHONE);
        CitizenDetails contact = firstName == null && lastName == null && email == null && phone == null ? null
                : new CitizenDetails(null, firstName, lastName, null, phone, email).validate();
        ServiceRequest filed = requests.file(client, new NewRequest(type.code(), Channel.WEB, contact,
                description != null ? description : type.name("ro"),
                new Location(lat, lon, address), p.attributes()));
        posted.record(filed.number().toString(), new PostedReports.Posted(addressId, mediaUrl));
        for (int i = 0; i < photos.size(); i++) {
            Upload photo = photos.get(i);
            StoredAttachment stored = attachments.attach(client, filed.number(), photo.fileName(),
                    new ByteArrayInputStream(photo.content()), null);
            if (PublicPhotos.showable(photoTypes.get(i))) {
                media.publish(filed.number().toString(), stored.sha256(), photoTypes.get(i));
            }
        }
        if (mediaUrl != null) {
            requests.apply(client, filed.number(), RequestChange.attachment("media_url", mediaUrl,
                    "photo published by the reporter"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (tokenTypes.contains(type.code())) {
            answer.put("token", filed.trackingCode());
        } else {
            answer.put("service_request_id", filed.number().toString());
        }
        answer.put("service_notice", notice(p.get("locale")));
        answer.put("account_id", null);
        return f.render("service_requests", "request", List.of(answer));
    }

    private String notice(String locale) {
        return "en".equals(language(locale)) ? config.serviceNotice_en() : config.serviceNotice_ro();
    }

    /** Checks every photo before the report is filed; their media types, in order. */
    private List<String> checkPhotos(List<Upload> photos) {
        if (photos.isEmpty()) {
            return List.of();
        }
        if (photos.size() > config.maxPhotos()) {
            throw InvalidInputException.of("media", "open311.maxPhotos", config.maxPhotos());
        }
        List<String> mediaTypes = new ArrayList<>();
        for (Upload photo : photos) {
            if (photo.content().length > config.maxPhotoBytes()) {
                throw InvalidInputException.of("media", "open311.photoSize", config.maxPhotoBytes());
            }
            mediaTypes.add(attachments.checkPhoto(photo.fileName(), photo.content()));
        }
        return mediaTypes;
    }

    /** A token's request: its number once registered (at once, in CivicDesk). */
    String token(Open311Format f, String token) {
        ServiceRequest request = track(token);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service_request_id", request.number().toString());
        answer.put("token", token);
        return f.render("service_requests", "request", List.of(answer));
    }

    private ServiceRequest track(String token) {
        try {
            return requests.track(token).orElseThrow(() -> new NotFoundException("no request with token " + token));
        } catch (InvalidInputException e) {
            throw new NotFoundException("no request with token " + token);
        }
    }

    /**
     * Requests of the public types, by ids or by a filter, as the specification and its paging extension read; UTF-8,
     * as kept for those who ask the same.
     */
    byte[] list(Open311Format f, Open311Params p, String base) {
        boolean extensions = p.flag("extensions");
        List<String> ids = p.list("service_request_id");
        if (!ids.isEmpty()) {
            if (ids.size() > DEFAULT_LIMIT) {
                throw InvalidInputException.of("service_request_id", "open311.maxIds", DEFAULT_LIMIT);
            }
            List<ServiceRequest> found = new ArrayList<>();
            for (String id : ids) {
                findPublic(id).ifPresent(found::add);
            }
            return utf8(render(f, found, extensions, extensions, base, language(p.get("locale"))));
        }
        Instant end = p.instant("end_date", zone);
        Instant start = p.instant("start_date", zone);
        if (start != null && end != null && !start.isBefore(end)) {
            throw InvalidInputException.of("start_date", "open311.dateOrder");
        }
        if (start != null && end != null && Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw InvalidInputException.of("end_date", "open311.dateWindow");
        }
        if (start == null) {
            start = (end != null ? end : Instant.now()).minus(MAX_WINDOW);
        }
        Set<String> codes = new java.util.TreeSet<>(p.list("service_code"));
        codes = codes.isEmpty() ? publicTypes : codes.stream().filter(publicTypes::contains).collect(Collectors.toSet());
        List<String> statuses = p.list("status").stream().map(v -> v.toLowerCase(Locale.ROOT)).distinct().toList();
        if (!List.of("open", "closed").containsAll(statuses)) {
            throw InvalidInputException.of("status", "open311.statuses");
        }
        int pageSize = p.positive("page_size", DEFAULT_LIMIT, DEFAULT_LIMIT);
        int page = p.positive("page", 1, 1_000_000);
        if (codes.isEmpty()) {
            return utf8(render(f, List.of(), extensions, extensions, base, language(p.get("locale"))));
        }
        RequestQuery query = RequestQuery.all().ofTypes(codes).registeredBetween(start, end)
                .changedBetween(p.instant("updated_after", zone), p.instant("updated_before", zone))
                .done(statuses.size() == 1 ? statuses.contains("closed") : null);
        return lists.get(f + " " + base + "?" + p.canonical("api_key"), () -> utf8(render(f, requests.newest(PUBLIC,
                query, (page - 1) * pageSize, pageSize), extensions, extensions, base, language(p.get("locale")))));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One request, as a one-element list (as the specification has it). */
    String one(Open311Format f, String id, Open311Params p, String base) {
        ServiceRequest request = findPublic(id).orElseThrow(() -> new NotFoundException("no public request " + id));
        return render(f, List.of(request), p.flag("extensions"), true, base, language(p.get("locale")));
    }

    private Optional<ServiceRequest> findPublic(String id) {
        RequestNumber number;
        try {
            number = RequestNumber.parse(id.replace('-', '/'));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
        try {
            ServiceRequest request = requests.get(PUBLIC, number);
            return publicTypes.contains(request.type()) ? Optional.of(request) : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Renders public requests; {@code detailed} (one request, or the extensions) adds what their histories say. Names
     * (the service's, the statuses') are in {@code language}.
     */
    private String render(Open311Format f, List<ServiceRequest> found, boolean extensions, boolean detailed, String base,
            String language) {
        List<String> numbers = found.stream().map(r -> r.number().toString()).toList();
        Map<String, String> photos = media.firstOf(numbers);
        Map<String, PostedReports.Posted> postedWith = posted.of(numbers);
        Map<String, String> agencies = new LinkedHashMap<>();
        staff.departments().forEach(d -> agencies.put(d.code(), d.name()));
        List<Map<String, Object>> rendered = new ArrayList<>();
        for (ServiceRequest r : found) {
            String number = r.number().toString();
            rendered.add(publicView(r, photos.get(number), postedWith.getOrDefault(number, NOTHING_POSTED), agencies,
                    extensions, detailed, base, language));
        }
        return f.render("service_requests", "request", rendered);
    }

    /** A request as the public sees it; {@code detailed} adds the status notes, read from its history. */
    private Map<String, Object> publicView(ServiceRequest r, String photo, PostedReports.Posted postedWith,
            Map<String, String> agencies, boolean extensions, boolean detailed, String base, String language) {
        RequestType type = types.find(r.type()).orElse(null);
        List<RequestEvent> history = detailed ? requests.history(PUBLIC, r.number()) : List.of();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service_request_id", r.number().toString());
        view.put("status", openness(r));
        view.put("status_notes", statusNotes(history));
        view.put("service_name", type == null ? r.type() : type.name(language));
        view.put("service_code", r.type());
        view.put("description", r.description());
        view.put("agency_responsible", agencies.getOrDefault(r.department(), r.department()));
        view.put("service_notice", null);
        view.put("requested_datetime", time(r.registeredAt()));
        view.put("updated_datetime", time(r.lastChangeAt()));
        view.put("expected_datetime", time(r.deadline().plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant()));
        Location l = r.location();
        view.put("address", l == null ? null : l.address());
        view.put("address_id", postedWith.addressId());
        view.put("zipcode", null);
        view.put("lat", l == null ? null : l.lat());
        view.put("long", l == null ? null : l.lon());
        // The photo posted with the report, as the city serves it; else the one the reporter published elsewhere.
        view.put("media_url", photo != null ? base + "/media/" + r.number().toString().replace('/', '-') + "/" + photo
                : postedWith.mediaUrl());
        if (extensions) {
            Map<String, Object> extended = new LinkedHashMap<>();
            extended.put("channel", r.channel().id());
            extended.put("detailed_status", r.status());
            extended.put("detailed_status_name", type == null ? r.status() : type.statusName(r.status(), language));
            List<Map<String, Object>> notes = new ArrayList<>();
            for (RequestEvent e : history) {
                if (e.kind() == EventKind.CREATED || e.kind() == EventKind.STATUS_CHANGED) {
                    Map<String, Object> note = new LinkedHashMap<>();
                    note.put("datetime", time(e.time()));
                    note.put("type", e.kind() == EventKind.CREATED ? "opened" : "status_changed");
                    note.put("status", e.status());
                    note.put("status_name", type == null ? e.status() : type.statusName(e.status(), language));
                    note.put("summary", e.comment());
                    notes.add(note);
                }
            }
            extended.put("notes", notes);
            view.put("extended_attributes", extended);
        }
        return view;
    }

    /** Why the request is in its status: the comment of its latest status change, if staff wrote one. */
    private static String statusNotes(List<RequestEvent> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).kind() == EventKind.STATUS_CHANGED) {
                return history.get(i).comment();
            }
        }
        return null;
    }

    /** GeoReport's two statuses: closed once the request reached a final status of its type. */
    private String openness(ServiceRequest r) {
        return types.find(r.type()).map(t -> t.isFinal(r.status())).orElse(false) ? "closed" : "open";
    }

    /**
     * FixMyStreet's {@code servicerequestupdates}: the status changes of public requests in a
     * window (at most 90 days, the last day by default), oldest first.
     */
    String updates(Open311Format f, Open311Params p) {
        Instant end = p.instant("end_date", zone);
        Instant start = p.instant("start_date", zone);
        Instant until = end != null ? end : Instant.now();
        Instant since = start != null ? start : until.minus(Duration.ofDays(1));
        if (!since.isBefore(until) || Duration.between(since, until).compareTo(MAX_WINDOW) > 0) {
            throw InvalidInputException.of("start_date", "open311.dateOrderWindow");
        }
        List<Map<String, Object>> updates = new ArrayList<>();
        RequestQuery changed = RequestQuery.all().ofTypes(publicTypes).changedBetween(since, until);
        for (ServiceRequest r : requests.newest(PUBLIC, changed, 0, DEFAULT_LIMIT)) {
            for (RequestEvent e : requests.history(PUBLIC, r.number())) {
                if (e.kind() == EventKind.STATUS_CHANGED && !e.time().isBefore(since) && e.time().isBefore(until)) {
                    Map<String, Object> update = new LinkedHashMap<>();
                    update.put("update_id", r.number().toString().replace('/', '-') + "-" + e.sequence());
                    update.put("service_request_id", r.number().toString());
                    update.put("status", types.find(r.type()).map(t -> t.isFinal(e.status())).orElse(false)
                            ? "closed" : "open");
                    update.put("updated_datetime", time(e.time()));
                    update.put("description", e.comment());
                    update.put("media_url", null);
                    updates.add(update);
                }
            }
        }
        updates.sort(java.util.Comparator.comparing(u -> (String) u.get("updated_datetime")));
        return f.render("service_request_updates", "request_update", updates.subList(0, Math.min(updates.size(),
                DEFAULT_LIMIT)));
    }

    /**
     * An update sent by a client about a request (FixMyStreet's {@code POST servicerequestupdates}):
     * what the reporter says is recorded in the request's history for staff; it does not change the
     * status, which staff decide.
     */
    String postUpdate(Open311Format f, Actor client, Open311Params p) {
        String id = p.get("service_request_id");
        if (id == null) {
            throw InvalidInputException.of("service_request_id", "param.required");
        }
        String status = p.get("status");
        if (status == null || !status.matches("(?i)open|closed")) {
            throw InvalidInputException.of("status", "open311.status");
        }
        String description = p.get("description", RequestAttribute.MAX_TEXT);
        if (description == null) {
            throw InvalidInputException.of("description", "param.required");
        }
        p.get("update_id", 100);
        ServiceRequest request = findPublic(id).orElseThrow(() -> new NotFoundException("no public request " + id));
        String said = "closed".equalsIgnoreCase(status) ? "The reporter says it is fixed: " : "Update from the reporter: ";
        ServiceRequest changed = requests.apply(client, request.number(), RequestChange.comment(said + description));
        int sequence = requests.history(client, request.number()).stream().filter(e -> e.time().equals(changed
                .lastChangeAt())).mapToInt(RequestEvent::sequence).max().orElse(0);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("update_id", request.number().toString().replace('/', '-') + "-" + sequence);
        return f.render("service_request_updates", "request_update", List.of(answer));
    }

    /** Records that a key was used: who (the key's id), what, and on which request. */
    void audited(ApiKeys.ApiKey key, String operation, String subject) {
        audit.record(new AuditEvent(key.actor().username(), "open311." + operation, "request", "request", subject,
                "client=" + key.name()));
    }

    String time(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone)
                .toOffsetDateTime());
    }

    private static String language(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "ro";
    }

    /** A public photo of a public request: its bytes and media type, read as the public. */
    org.civicdesk.datasource.documents.api.AttachmentContent photo(String id, String sha256) {
        ServiceRequest request = findPublic(id).orElseThrow(() -> new NotFoundException("no public request " + id));
        if (!media.isPublic(request.number().toString(), sha256)) {
            throw new NotFoundException("no public photo " + sha256);
        }
        return attachments.open(PUBLIC, request.number(), sha256);
    }
}
