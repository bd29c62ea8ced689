package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Secrets}: one secret per name, the same ever after. Every store runs it
 * through {@link StoreConformanceTest}.
 */
public interface SecretContract extends StoreFixture {
    @Test
    default void secretsAreStableAndDistinctPerName() {
        byte[] a = store().secret("a");
        assertThat(a).hasSize(32);
        assertThat(store().secret("a")).isEqualTo(a);
        assertThat(store().secret("b")).isNotEqualTo(a);
    }
}
