package org.civicdesk.identity.api;

import java.util.Optional;

import org.civicdesk.core.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The PINs citizens prove who they are with where no one sees them: on the phone robot and when
 * voting on the portal. A citizen gets a PIN at the front desk (or printed on their tax
 * decision); only a slow hash of it is kept. Three wrong PINs in a row lock the citizen's PIN for
 * a while, whatever the channel; every issue and every attempt is audited, never the PIN itself.
 * So that no one who merely knows a CNP can lock its owner out, each caller (an address on the
 * portal, a calling number on the phone) is held back after fewer wrong PINs than the lock needs,
 * before the citizen's lock is even looked at.
 */
@ProviderType
public interface CitizenPins {

    /**
     * Issues a new PIN to a citizen; the previous one stops working.
     *
     * @return the PIN, to hand to the citizen: it cannot be shown again
     * @throws org.civicdesk.core.api.AccessDeniedException unless an operator, supervisor or admin issues it
     * @throws org.civicdesk.core.api.NotFoundException      for an unknown citizen
     */
    String issue(Actor actor, String citizenId);

    /**
     * The citizen with this CNP or CUI, if the PIN is theirs and not locked.
     *
     * @param channel where the attempt is made ({@code web}, {@code phone}), for the audit trail
     * @return empty for an unknown national id, a wrong PIN or a citizen with no PIN
     * @throws org.civicdesk.core.api.AccessDeniedException while the PIN is locked after too many wrong ones
     * @deprecated no caller is held back: use {@link #verify(String, String, String, String)}
     */
    @Deprecated
    Optional<Citizen> verify(String nationalId, String pin, String channel);

    /**
     * The citizen with this CNP or CUI, if the PIN is theirs and not locked, unless this caller must
     * wait: a caller's wrong PINs (and unknown national ids) are counted first, per national id and in
     * all, and a caller past its allowance is refused without the citizen's record being touched.
     *
     * @param channel where the attempt is made ({@code web}, {@code phone}), for the audit trail
     * @param caller  who tries, as the channel knows them: {@code web:<client address>},
     *                {@code phone:<calling number>}
     * @return empty for an unknown national id, a wrong PIN or a citizen with no PIN
     * @throws org.civicdesk.core.api.AccessDeniedException while the caller must wait, or the PIN is locked
     * @since 1.3
     */
    Optional<Citizen> verify(String nationalId, String pin, String channel, String caller);
}
