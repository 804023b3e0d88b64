package io.waybill.shipments;

import java.util.ArrayList;
import java.util.List;

/**
 * The delivery side of a shipment: the code of the attempt under way, the failed attempts and why,
 * the customer's latest instruction, and the proof once delivered. Part of the {@link Shipment}
 * aggregate, which alone changes it; repositories read and write it.
 */
public final class DeliveryState {

    private DeliveryCode code;
    private final List<DeliveryFailure> failures;
    private DeliveryInstruction instruction;
    private ProofOfDelivery proof;

    public DeliveryState(DeliveryCode code, List<DeliveryFailure> failures, DeliveryInstruction instruction,
            ProofOfDelivery proof) {
        this.code = code;
        this.failures = new ArrayList<>(failures);
        this.instruction = instruction;
        this.proof = proof;
    }

    /** A copy that shares nothing mutable, as a fresh load would give. */
    DeliveryState copy() {
        return new DeliveryState(code == null ? null : DeliveryCode.restore(code.salt(), code.hash(), code.wrongTries()),
                failures, instruction, proof);
    }

    static DeliveryState none() {
        return new DeliveryState(null, List.of(), null, null);
    }

    /** The code of the attempt under way; null outside an attempt, or when no code was issued. */
    public DeliveryCode code() {
        return code;
    }

    public List<DeliveryFailure> failures() {
        return List.copyOf(failures);
    }

    public DeliveryInstruction instruction() {
        return instruction;
    }

    public ProofOfDelivery proof() {
        return proof;
    }

    void startAttempt(DeliveryCode issued) {
        code = issued;
    }

    /** The attempt is over, delivered or failed: its code expires with it. */
    void endAttempt() {
        code = null;
    }

    void failed(DeliveryFailure failure) {
        failures.add(failure);
    }

    void instructed(DeliveryInstruction given) {
        instruction = given;
    }

    void proven(ProofOfDelivery recorded) {
        proof = recorded;
    }
}
