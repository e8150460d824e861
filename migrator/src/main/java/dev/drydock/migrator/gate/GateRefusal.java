package dev.drydock.migrator.gate;

/** A gate said no: the run stops before anything is applied, with exit code 1 and this message. */
public final class GateRefusal extends RuntimeException {

    public GateRefusal(String message) {
        super(message);
    }
}
