package io.waybill.kernel.startup;

import io.waybill.kernel.InvalidSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start-up stopped by a bad setting ends with what is wrong with which setting, and what to do. */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis("Waybill cannot start with its setting " + cause.setting() + ": "
                + cause.getMessage(), cause.action(), cause);
    }
}
