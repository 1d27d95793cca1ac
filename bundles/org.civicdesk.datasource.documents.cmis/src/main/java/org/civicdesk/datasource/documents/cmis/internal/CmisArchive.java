package org.civicdesk.datasource.documents.cmis.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.chemistry.opencmis.client.api.CmisObject;
import org.apache.chemistry.opencmis.client.api.Document;
import org.apache.chemistry.opencmis.client.api.Folder;
import org.apache.chemistry.opencmis.client.api.Repository;
import org.apache.chemistry.opencmis.client.api.Session;
import org.apache.chemistry.opencmis.client.api.SessionFactory;
import org.apache.chemistry.opencmis.commons.PropertyIds;
import org.apache.chemistry.opencmis.commons.SessionParameter;
import org.apache.chemistry.opencmis.commons.data.ContentStream;
import org.apache.chemistry.opencmis.commons.enums.BindingType;
import org.apache.chemistry.opencmis.commons.exceptions.CmisBaseException;
import org.apache.chemistry.opencmis.commons.exceptions.CmisConnectionException;
import org.apache.chemistry.opencmis.commons.exceptions.CmisContentAlreadyExistsException;
import org.apache.chemistry.opencmis.commons.exceptions.CmisObjectNotFoundException;
import org.civicdesk.datasource.documents.api.DocumentArchive;
import org.civicdesk.datasource.documents.api.StoredAttachment;
import org.civicdesk.request.api.ServiceRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The city's document management system over CMIS 1.1 (R10), through Apache Chemistry OpenCMIS's browser binding:
 * each request gets a folder {@code <folder>/<year>/<number>} holding its record ({@code request-<year>-<number>.json},
 * the registration data) and a document per attached file, whose description is its SHA-256. Filing again what is
 * there (an attempt whose answer was lost) finds it and files nothing twice.
 */
@Component(service = DocumentArchive.class, configurationPid = CmisArchive.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = DocumentArchive.ID_PROPERTY + "=" + CmisArchive.ID)
@Designate(ocd = CmisConfig.class)
public class CmisArchive implements DocumentArchive {
    static final String PID = "org.civicdesk.datasource.documents.cmis";
    static final String ID = "cmis";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SessionFactory sessions;
    private volatile CmisConfig config;
    /** The open session; dropped when the server cannot be reached, so that the next attempt connects anew. */
    private volatile Session session;

    @Activate
    public CmisArchive(@Reference SessionFactory sessions, CmisConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @Modified
    void modified(CmisConfig changed) {
        this.config = changed;
        this.session = null;
    }

    @Override
    public String fileRequest(ServiceRequest request) throws IOException {
        return call(s -> {
            Folder folder = folderOf(s, request);
            String name = "request-" + request.number().year() + "-" + String.format("%06d", request.number().sequence())
                    + ".json";
            byte[] record = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(recordOf(request));
            return existing(s, folder, name).orElseGet(() -> create(s, folder, name, "CivicDesk request " + request.number(),
                    "application/json", record.length, new ByteArrayInputStream(record)));
        });
    }

    @Override
    public String fileAttachment(ServiceRequest request, StoredAttachment attachment, InputStream content)
            throws IOException {
        return call(s -> {
            Folder folder = folderOf(s, request);
            String description = StoredAttachment.REFERENCE_PREFIX + attachment.sha256();
            String name = attachment.fileName();
            Optional<CmisObject> there = object(s, folder, name);
            if (there.isPresent() && !description.equals(there.get().getDescription())) {
                // Another file of the request under the same name: this one is told apart by its hash.
                name = withSuffix(name, " (" + attachment.sha256().substring(0, 12) + ")");
                there = object(s, folder, name);
            }
            if (there.isPresent()) {
                return there.get().getId();
            }
            return create(s, folder, name, description, attachment.mediaType(), attachment.size(), content);
        });
    }

    /** The registration data the system keeps of a request: what its register needs, not who filed it. */
    private static Map<String, Object> recordOf(ServiceRequest request) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("number", request.number().toString());
        record.put("type", request.type());
        record.put("department", request.department());
        record.put("channel", request.channel() == null ? null : request.channel().id());
        record.put("registeredAt", request.registeredAt().toString());
        record.put("receivedOn", request.receivedOn() == null ? null : request.receivedOn().toString());
        record.put("deadline", request.deadline() == null ? null : request.deadline().toString());
        record.put("description", request.description());
        return record;
    }

    private Folder folderOf(Session s, ServiceRequest request) {
        Folder folder = (Folder) s.getRootFolder();
        List<String> path = new ArrayList<>(List.of(config.folder().split("/")));
        path.add(Integer.toString(request.number().year()));
        path.add(String.format("%06d", request.number().sequence()));
        for (String segment : path) {
            if (segment.isBlank()) {
                continue;
            }
            Folder parent = folder;
            folder = (Folder) object(s, parent, segment).orElseGet(() -> {
                try {
                    Map<String, Object> properties = new HashMap<>();
                    properties.put(PropertyIds.OBJECT_TYPE_ID, "cmis:folder");
                    properties.put(PropertyIds.NAME, segment);
                    return parent.createFolder(properties);
                } catch (CmisContentAlreadyExistsException createdMeanwhile) {
                    return object(s, parent, segment).orElseThrow(() -> createdMeanwhile);
                }
            });
        }
        return folder;
    }

    private static Optional<CmisObject> object(Session s, Folder parent, String name) {
        String path = parent.getPath().endsWith("/") ? parent.getPath() + name : parent.getPath() + "/" + name;
        try {
            return Optional.of(s.getObjectByPath(path));
        } catch (CmisObjectNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> existing(Session s, Folder folder, String name) {
        return object(s, folder, name).map(CmisObject::getId);
    }

    private static String create(Session s, Folder folder, String name, String description, String mediaType,
            long length, InputStream content) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PropertyIds.OBJECT_TYPE_ID, "cmis:document");
        properties.put(PropertyIds.NAME, name);
        properties.put(PropertyIds.DESCRIPTION, description);
        ContentStream stream = s.getObjectFactory().createContentStream(name, length, mediaType, content);
        Document document = folder.createDocument(properties, stream, null);
        return document.getId();
    }

    private static String withSuffix(String name, String suffix) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
    }

    /** Work on the repository, with a session opened on first use; a CMIS failure becomes an IOException. */
    private String call(CmisWork work) throws IOException {
        try {
            return work.run(session());
        } catch (CmisConnectionException e) {
            session = null;
            throw new IOException("the CMIS repository cannot be reached: " + e.getMessage(), e);
        } catch (CmisBaseException e) {
            throw new IOException("the CMIS repository refused: " + e.getMessage(), e);
        }
    }

    private Session session() throws IOException {
        Session open = session;
        if (open != null) {
            return open;
        }
        CmisConfig c = config;
        if (c.url().isBlank()) {
            throw new IOException("no CMIS repository is configured (url in " + PID + ".cfg)");
        }
        Map<String, String> parameters = new HashMap<>();
        parameters.put(SessionParameter.BINDING_TYPE, BindingType.BROWSER.value());
        parameters.put(SessionParameter.BROWSER_URL, c.url().strip());
        parameters.put(SessionParameter.USER, c.user());
        parameters.put(SessionParameter.PASSWORD, c.password());
        String timeout = Integer.toString(Math.max(1, c.timeoutSeconds()) * 1000);
        parameters.put(SessionParameter.CONNECT_TIMEOUT, timeout);
        parameters.put(SessionParameter.READ_TIMEOUT, timeout);
        if (!c.repositoryId().isBlank()) {
            parameters.put(SessionParameter.REPOSITORY_ID, c.repositoryId().strip());
            open = sessions.createSession(parameters);
        } else {
            List<Repository> repositories = sessions.getRepositories(parameters);
            if (repositories.isEmpty()) {
                throw new IOException("the CMIS server at the configured url offers no repository");
            }
            open = repositories.get(0).createSession();
        }
        // Every call reads the repository as it is now: another node (or a person) may have filed meanwhile.
        open.getDefaultContext().setCacheEnabled(false);
        session = open;
        return open;
    }

    @FunctionalInterface
    private interface CmisWork {
        String run(Session session) throws IOException;
    }
}
