/**
 * The guides' outputs, regenerated: {@code DocOutputs} refreshes every generated block of {@code
 * docs/*.md} from what the code prints today, and {@code DocOutputsTest} fails when a guide
 * differs. Measured figures are not regenerated; they are kept, dated, in {@code
 * docs/performance.md}.
 */
package io.fairlead.examples.docs;
