package dev.gatehouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.AuditTrail;
import org.junit.jupiter.api.Test;

class AuditActionsTest {
    @Test
    void everyActionTheLogWritesHasALabelAndNoLabelNamesAnotherAction() {
        assertThat(AuditActions.LABELS.keySet()).isEqualTo(AuditTrail.ACTIONS);
        assertThat(AuditActions.LABELS.values()).doesNotHaveDuplicates().allSatisfy(l -> assertThat(l).isNotBlank());
    }
}
