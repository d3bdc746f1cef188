package dev.incr.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The processing step, which reads the round and drives the pipeline. It groups the {@code @Input}
 * and {@code @Query} members of the round by class, defers classes that still refer to types not
 * generated yet, and for each other class:
 *
 * <ol>
 *   <li>reads its {@link ClassMembers};
 *   <li>has the class and member validators report what is wrong with them;
 *   <li>scans each query ({@link QueryScanner}) and the code made outside the queries ({@link
 *       DeferredCodeScanner}), and has the {@link DependencyValidator} report on the findings;
 *   <li>if nothing was an error, builds the model ({@link IncrClassParser}) and writes it ({@link
 *       IncrClassWriter}).
 * </ol>
 *
 * Scanners and the parser only read; validators only report; nothing calls back up. An error in one
 * class skips that class only.
 */
final class IncrClassStep {
  private final Types types;
  private final Elements elements;
  private final SourceTrees trees;
  private final ErrorReporter reporter;
  private final QueryScanner queryScanner;
  private final StaticReadAnalysis staticReadAnalysis;
  /** Whether to note each argument-less query's dependencies ({@code incr.explainDependencies}). */
  private final boolean explainDependencies;
  private final DeferredCodeScanner deferredCodeScanner;
  private final ClassValidator classValidator;
  private final MemberValidator memberValidator;
  private final DependencyValidator dependencyValidator;
  private final IncrClassParser parser;
  private final IncrClassWriter writer;
  /**
   * Classes deferred to a later round, by qualified name. In the last round they are processed
   * again and reported if their types are still missing.
   */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Classes already handled, so a class annotated in several rounds is generated once. */
  private final Set<String> done = new HashSet<>();

  /**
   * @param useTrees false to behave as if the compiler offered no source trees
   * @param runtimeVersion the runtime version the generated code is for
   */
  IncrClassStep(ProcessingEnvironment env, boolean useTrees, String runtimeVersion) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
    this.trees = SourceTrees.of(env, useTrees);
    this.reporter = new ErrorReporter(env.getMessager(), trees);
    this.queryScanner = new QueryScanner(trees);
    this.staticReadAnalysis = new StaticReadAnalysis(trees);
    this.explainDependencies = ProcessorOptions.explainDependencies(env);
    this.deferredCodeScanner = new DeferredCodeScanner(trees, queryScanner);
    this.classValidator = new ClassValidator(reporter, types, elements);
    this.memberValidator = new MemberValidator(reporter, types, elements);
    this.dependencyValidator = new DependencyValidator(reporter);
    this.parser = new IncrClassParser(types, elements);
    this.writer = new IncrClassWriter(env.getFiler(), runtimeVersion);
  }

  /** Processes one round. */
  void process(RoundEnvironment round) {
    trees.newRound();
    Map<String, TypeElement> classes = new TreeMap<>();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        classes.put(name, type);
      }
    }
    deferred.clear();
    for (String annotation : List.of(ClassNames.INPUT, ClassNames.QUERY)) {
      TypeElement annotationType = elements.getTypeElement(annotation);
      if (annotationType == null) {
        continue;
      }
      for (Element member : round.getElementsAnnotatedWith(annotationType)) {
        Element owner = member.getEnclosingElement();
        if (owner instanceof TypeElement) {
          TypeElement type = (TypeElement) owner;
          classes.put(type.getQualifiedName().toString(), type);
        }
      }
    }
    for (Map.Entry<String, TypeElement> entry : classes.entrySet()) {
      if (done.contains(entry.getKey())) {
        continue;
      }
      List<String> missing = missingTypes(entry.getValue());
      if (!missing.isEmpty()) {
        if (round.processingOver()) {
          reporter.error(entry.getValue(), Messages.MISSING_TYPES,
              IncrClassParser.generatedName(entry.getValue()), entry.getKey(),
              String.join(", ", missing));
        } else {
          deferred.add(entry.getKey());
        }
        continue;
      }
      done.add(entry.getKey());
      try {
        processClass(entry.getValue());
      } catch (RuntimeException e) {
        reporter.error(entry.getValue(), Messages.INTERNAL_ERROR,
            IncrClassParser.generatedName(entry.getValue()), e);
      }
    }
  }

  private void processClass(TypeElement type) {
    int errorsBefore = reporter.errorCount();
    classValidator.validateClass(type, IncrClassParser.generatedName(type).simpleName());
    if (type.getKind() != ElementKind.CLASS) {
      return;
    }
    ClassMembers members = ClassMembers.of(type, types, elements);
    for (VariableElement input : members.inputs()) {
      if (input.getEnclosingElement().equals(type)) {
        memberValidator.validateInput(input);
      }
    }
    for (ExecutableElement query : members.queries()) {
      if (query.getEnclosingElement().equals(type)) {
        memberValidator.validateQuery(query);
      }
    }
    classValidator.validateMembers(type, members);

    Map<ExecutableElement, QueryReads> reads = new LinkedHashMap<>();
    Map<ExecutableElement, StaticReads> staticReads = new LinkedHashMap<>();
    if (trees.pathOf(type) != null) {
      Set<VariableElement> inputSet = new LinkedHashSet<>(members.inputs());
      Set<ExecutableElement> querySet = new LinkedHashSet<>(members.queries());
      for (ExecutableElement query : members.queries()) {
        QueryReads r = queryScanner.scan(type, query, inputSet, querySet);
        reads.put(query, r);
        dependencyValidator.validateReads(query, r);
        for (ExecutableElement unseen : r.unseen()) {
          String name = Signatures.of(query);
          reporter.note(query, Messages.SOURCE_NOT_SEEN,
              unseen.getEnclosingElement().getSimpleName() + "." + Signatures.of(unseen),
              name, name);
        }
      }
      for (ExecutableElement query : members.queries()) {
        if (query.getParameters().isEmpty()) {
          StaticReads s =
              staticReadAnalysis.analyze(type, query, inputSet, querySet, reads.get(query));
          staticReads.put(query, s);
          if (explainDependencies) {
            explain(query, s);
          }
        }
      }
      dependencyValidator.validateCycles(members.queries(), reads);
      dependencyValidator.validateDeferredReads(
          type, deferredCodeScanner.scan(type, inputSet, querySet));
    } else if (!members.queries().isEmpty() && !members.inputs().isEmpty()) {
      reporter.note(type, Messages.NO_SOURCE_TREES, type.getQualifiedName());
    }

    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    IncrClassModel model = parser.parse(type, members, reads, staticReads);
    try {
      writer.write(model);
    } catch (IOException e) {
      reporter.error(type, Messages.WRITE_FAILED, model.generatedName(), e.getMessage());
    }
  }

  /** Notes whether {@code query}'s node reads are known at compile time, and if not, why. */
  private void explain(ExecutableElement query, StaticReads s) {
    String name = Signatures.of(query);
    if (s.isStatic()) {
      List<String> nodes = new ArrayList<>();
      for (Element node : s.nodeReads()) {
        nodes.add(node instanceof ExecutableElement
            ? Signatures.of((ExecutableElement) node) : node.getSimpleName() + "()");
      }
      reporter.note(query, Messages.STATIC_DEPENDENCIES, name,
          nodes.isEmpty() ? "none" : String.join(", ", nodes));
    } else if (s.at() != null) {
      reporter.note(s.at(), Messages.DYNAMIC_DEPENDENCIES, name, s.detail(),
          s.reason().explanation());
    } else {
      reporter.note(query, Messages.DYNAMIC_DEPENDENCIES, name, s.detail(),
          s.reason().explanation());
    }
  }

  /** Returns the types {@code type}'s signature refers to that do not exist (yet). */
  private List<String> missingTypes(TypeElement type) {
    List<String> missing = new ArrayList<>();
    collectErrors(type.getSuperclass(), missing);
    for (TypeMirror i : type.getInterfaces()) {
      collectErrors(i, missing);
    }
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD) {
        collectErrors(member.asType(), missing);
      } else if (member instanceof ExecutableElement) {
        ExecutableType t = (ExecutableType) member.asType();
        collectErrors(t.getReturnType(), missing);
        for (TypeMirror p : t.getParameterTypes()) {
          collectErrors(p, missing);
        }
      }
    }
    return missing;
  }

  private static void collectErrors(TypeMirror type, List<String> missing) {
    if (type.getKind() == TypeKind.ERROR) {
      if (!missing.contains(type.toString())) {
        missing.add(type.toString());
      }
    } else if (type.getKind() == TypeKind.DECLARED) {
      for (TypeMirror arg : ((DeclaredType) type).getTypeArguments()) {
        collectErrors(arg, missing);
      }
    }
  }
}
