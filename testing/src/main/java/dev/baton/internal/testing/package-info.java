/** Internals of the test harness; not API. */
@NullMarked
package dev.baton.internal.testing;

import org.jspecify.annotations.NullMarked;
