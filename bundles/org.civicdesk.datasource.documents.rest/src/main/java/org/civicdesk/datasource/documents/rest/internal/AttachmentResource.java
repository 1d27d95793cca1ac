package org.civicdesk.datasource.documents.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.civicdesk.core.api.Actor;
import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.datasource.documents.api.AttachmentContent;
import org.civicdesk.datasource.documents.api.AttachmentStore;
import org.civicdesk.datasource.documents.api.StoredAttachment;
import org.civicdesk.request.api.RequestNumber;
import org.civicdesk.rest.api.ActorPrincipal;
import org.civicdesk.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/requests/{year}/{seq}/attachments}: upload photos and documents (multipart,
 * one or more {@code file} parts and an optional {@code comment}), list them, download one.
 * Whoever may see the request may attach to it and read its attachments.
 */
@Component(service = RestResource.class)
@Path("/requests/{year}/{seq}/attachments")
public class AttachmentResource implements RestResource {
    private static final int MAX_FILES = 10;

    private final AttachmentStore store;

    @Activate
    public AttachmentResource(@Reference AttachmentStore store) {
        this.store = store;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("year") String year, @PathParam("seq") String seq, MultipartBody body,
            @Context SecurityContext security, @Context UriInfo uri) {
        Actor actor = ActorPrincipal.of(security);
        RequestNumber number = RequestNumber.parse(year + "/" + seq);
        List<Attachment> files = new ArrayList<>();
        String comment = null;
        for (Attachment part : body.getAllAttachments()) {
            String name = part.getContentDisposition() == null ? null : part.getContentDisposition().getParameter("name");
            if ("comment".equals(name)) {
                comment = read(part);
            } else if ("file".equals(name)) {
                files.add(part);
            }
        }
        if (files.isEmpty()) {
            throw InvalidInputException.of("file", "file.part");
        }
        if (files.size() > MAX_FILES) {
            throw InvalidInputException.of("file", "file.tooMany", MAX_FILES);
        }
        List<StoredAttachment> stored = new ArrayList<>();
        for (Attachment file : files) {
            String fileName = fileName(file);
            try (InputStream in = file.getDataHandler().getInputStream()) {
                stored.add(store.attach(actor, number, fileName, in, comment));
            } catch (IOException e) {
                throw new UncheckedIOException("the upload could not be read", e);
            }
        }
        // Absolute, under the address the client posted to: a relative URI is resolved against the API's base.
        return Response.created(uri.getAbsolutePathBuilder().path(stored.get(0).sha256()).build())
                .entity(stored).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<StoredAttachment> list(@PathParam("year") String year, @PathParam("seq") String seq,
            @Context SecurityContext security) {
        return store.list(ActorPrincipal.of(security), RequestNumber.parse(year + "/" + seq));
    }

    @GET
    @Path("/{sha256}")
    public Response download(@PathParam("year") String year, @PathParam("seq") String seq,
            @PathParam("sha256") String sha256, @Context SecurityContext security) {
        AttachmentContent opened = store.open(ActorPrincipal.of(security), RequestNumber.parse(year + "/" + seq),
                sha256);
        StreamingOutput body = out -> {
            try (InputStream in = opened.content()) {
                in.transferTo(out);
            }
        };
        String asciiName = opened.attachment().fileName().replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "");
        return Response.ok(body, opened.attachment().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(opened.attachment().fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * The part's file name as the browser sent it: in UTF-8 (RFC 7578), which CXF reads as ISO-8859-1 ("groapă.png"
     * would arrive as "groapÄ\u0083.png"); a name that is not UTF-8 that way is taken as read.
     */
    static String fileName(Attachment part) {
        String name = part.getContentDisposition() == null ? null : part.getContentDisposition().getParameter("filename");
        if (name == null || name.chars().anyMatch(c -> c > 0xFF)) {
            return name;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException notUtf8) {
            return name;
        }
    }

    private static String read(Attachment part) {
        try (InputStream in = part.getDataHandler().getInputStream()) {
            return new String(in.readNBytes(4000), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }
}
