package org.civicdesk.core.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The CivicDesk features of this Karaf (channels, data sources, reports, …) and the administrators' changes to the
 * optional ones, from the console and the shell alike: each change is audited under its administrator, and runs after
 * the call returns, since it may restart the bundles that asked for it. The core, the API, the console and the
 * libraries they stand on are not optional.
 *
 * @since 1.14
 */
@ProviderType
public interface OptionalFeatures {

    /**
     * What an administrator sees of a feature.
     *
     * @param optional whether an administrator may install or uninstall it
     * @param pending  the change running or last failed, or {@code null}
     */
    record FeatureState(String name, String version, String description, boolean installed, boolean optional,
            Pending pending) {
    }

    /** A change of a feature that has not finished, or that failed ({@link EnumIds#id}: {@code installing}, …). */
    enum Pending {
        INSTALLING, UNINSTALLING, FAILED
    }

    /** Every CivicDesk feature this Karaf knows, by name, with its state now. Administrators and supervisors. */
    List<FeatureState> list(Actor actor);

    /**
     * Starts installing ({@code install}) or uninstalling an optional feature; audited. Nothing happens when it is
     * already in that state.
     *
     * @return the feature's state: pending until the change is done
     * @throws AccessDeniedException  unless an administrator asks
     * @throws NotFoundException      for a name that is no CivicDesk feature
     * @throws InvalidInputException  for a feature that is not optional
     * @throws ConflictException      while another change of the same feature runs
     */
    FeatureState change(Actor actor, String name, boolean install);
}
