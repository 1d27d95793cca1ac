package org.civicdesk.request.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Vouches for the references to stored content that an attachment event records, so that content
 * is referenced only by the request it was uploaded for: knowing a file's reference (its hash) must
 * not let a staff member attach it to, and so read it through, another request. A store of
 * attachments registers one as an OSGi service; a change that records an attachment asks every
 * registered check first and records nothing when one refuses.
 */
@ConsumerType
public interface AttachmentReferenceCheck {

    /**
     * Whether {@code reference} may be recorded as an attachment of {@code request}.
     *
     * @return {@code true} for a reference outside this store's kind of references (another store
     *         answers for it) or one naming content uploaded for this very request; {@code false}
     *         for one of this store's kind that is malformed or names content uploaded for another
     *         request, or never uploaded
     */
    boolean accepts(RequestNumber request, String reference);
}
