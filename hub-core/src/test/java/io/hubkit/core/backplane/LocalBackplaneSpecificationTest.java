package io.hubkit.core.backplane;

/** The in-process backplane against the specification; it does not scale out, so the two-server cases are skipped. */
class LocalBackplaneSpecificationTest extends BackplaneSpecification {

    @Override
    protected Backplane createBackplane(BackplaneHubContext hub) {
        return new LocalBackplane(hub);
    }
}
