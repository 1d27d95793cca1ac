package org.civicdesk.request.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civicdesk.request.api.RequestType;
import org.civicdesk.request.api.RequestTypeCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Tracks the configured request types as they come and go. */
@Component(service = RequestTypeCatalog.class)
public class RequestTypeCatalogImpl implements RequestTypeCatalog {
    private final List<ConfiguredRequestType> types = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addType(ConfiguredRequestType type) {
        types.add(type);
    }

    void removeType(ConfiguredRequestType type) {
        types.remove(type);
    }

    @Override
    public List<RequestType> list() {
        return types.stream().map(ConfiguredRequestType::type).sorted(Comparator.comparing(RequestType::code)).toList();
    }

    @Override
    public Optional<RequestType> find(String code) {
        return code == null ? Optional.empty()
                : types.stream().map(ConfiguredRequestType::type).filter(t -> t.code().equals(code)).findFirst();
    }
}
