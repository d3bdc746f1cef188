/**
 * Incremental collections: one class per operator, built on the public engine API ({@code
 * Engine.longVar}, {@code Engine.computed} and its primitive forms, {@code Node.get}, {@code
 * Engine.batch}) plus one narrow internal hook, {@link dev.incr.internal.CollectionHooks}: a
 * change on the single-threaded engine is applied without a batch, and operator functions run in
 * a scope where reading a node fails. Nothing here names an engine class, the engine's recorder or
 * any other engine internal; everything goes through those two. Not API.
 *
 * <h2>Design</h2>
 *
 * <p>Every collection is a {@link dev.incr.internal.collection.Stage}. A stage has a <em>version
 * node</em>: a {@code LongVar} for a {@link dev.incr.internal.collection.SourceCollection}, a
 * {@code LongComputed} for a derived stage (primitive nodes: a version that changes stores no new
 * box into an old node). A derived stage's computation reads its input's version node (so the
 * engine records the dependency), consumes the changes its input has queued for it in its {@link
 * dev.incr.internal.collection.Inbox}, updates its own state, pushes its own output changes into
 * the inboxes of its readers through its {@link dev.incr.internal.collection.Outlet}, and returns
 * the number of changes it has ever emitted. A stage that emitted nothing therefore returns the
 * same number, and the engine's early cutoff stops propagation there. Aggregates are computeds of
 * the same shape that return their value (count and sum as primitive nodes).
 *
 * <p>Readers bring their input up to date with {@code Stage.pull()}: a read of its version node,
 * except for stages whose refresh costs O(pending changes) and has one input (filter, map, a
 * group), which readers refresh inline, inside their own computation. A reader of a chain of such
 * stages then depends on the chain's first version node directly and costs the engine one node run
 * per read, not one per stage; a reader that re-reads whole contents ({@code toList()}) reads the
 * version node instead, keeping its early cutoff. Where such an element-wise stage (filter over a
 * slotted input, map) has exactly one reader, itself element-wise, and nothing is queued between
 * them, the reader's refresh has the stage hand its changes over by direct calls ({@link
 * dev.incr.internal.collection.ElementwiseStage}, {@code Stage.refreshInto}): pending changes then
 * wait only in the chain's first inbox, are consolidated there, and reach the last stage with no
 * inbox in between. Each stage hands a change on before updating its own state, so a function that
 * throws further down leaves the whole chain as it was.
 *
 * <p>Multisets and per-element memos ({@link dev.incr.internal.collection.CountTable}) are
 * open-addressing tables over arrays that keep arrival order and allocate nothing per change.
 * Changes carry the producer's <em>slot</em> of the element where it has one ({@code
 * Stage.slotted()}): sources, filters, groups and other materialized stages number their distinct
 * live elements, and filter and map keep their per-element state in arrays indexed by their
 * input's slot ({@link dev.incr.internal.collection.SlotTable}), so a change through a chain of
 * them hashes the element once, at the source.
 *
 * <p>Readers subscribe lazily, on their first run: the input's current contents are queued as
 * insertions, and later changes follow. A stage that is never read costs nothing. An inbox's
 * consumed prefix is dropped at once, and a reader that falls far behind has its inbox consolidated
 * (an insertion and a later deletion of the same element cancel), so an inbox holds at most about
 * twice as many entries as its producer has live elements. Producers hold their readers weakly
 * ({@link dev.incr.internal.collection.WeakList}), and the engine keeps edges from a node to its
 * readers only while an observer needs them (an observed node and what it reads), so a pipeline
 * nothing refers to any more is collected and stops costing work.
 *
 * <p>Operators that need the neighbourhood of a change (pairwise, window) are told by their sorted
 * stage about each insertion and removal at the moment it happens, while the tree is in the state
 * that change sees; a grouping tells its per-key aggregates which keys it routed changes to.
 *
 * <p>All mutable state is touched only inside computations (the stages' version and aggregate
 * functions) or inside write paths (which run inside {@code Engine.batch}), so an engine that
 * serializes computations and writes makes the collections thread-safe as well. Maps that public
 * getters consult outside computations (the groups of a grouping) are concurrent.
 *
 * <h2>Invariants</h2>
 *
 * <ol>
 *   <li>A stage's outlet holds exactly the multiset of its input's elements it has consumed,
 *       transformed by the operator; what its readers have consumed plus their inboxes equals it.
 *   <li>Weights in inboxes are +1 or -1; a materialized multiset never holds a count below 1.
 *   <li>A sorted stage's tree holds one node per live occurrence, ordered by (key, sequence), with
 *       correct subtree sizes and AVL balance ({@code OrderTree.checkInvariants}).
 * </ol>
 */
package dev.incr.internal.collection;
