/**
 * Support classes for the code that {@code incr-processor} generates. Not API: public only so that
 * generated classes in other packages can use them; they may change in any release.
 */
package dev.incr.internal.gen;
