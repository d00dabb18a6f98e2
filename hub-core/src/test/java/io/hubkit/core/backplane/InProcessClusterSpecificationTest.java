package io.hubkit.core.backplane;

/**
 * A two-server cluster on an in-process bus against the specification: shows that the suite's
 * scale-out cases run and hold for a backplane that routes across servers.
 */
class InProcessClusterSpecificationTest extends BackplaneSpecification {

    private final InProcessClusterBackplane.Bus bus = new InProcessClusterBackplane.Bus();

    @Override
    protected Backplane createBackplane(BackplaneHubContext hub) {
        return new InProcessClusterBackplane(bus, hub);
    }

    @Override
    protected Backplane createSecondServerBackplane(BackplaneHubContext hub) {
        return new InProcessClusterBackplane(bus, hub);
    }
}
