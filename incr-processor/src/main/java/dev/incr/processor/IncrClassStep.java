package dev.incr.processor;

import dev.incr.processor.ReadAnalysis.QueryReads;
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
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The processing step: groups the {@code @Input} and {@code @Query} members of a round by class,
 * defers classes that still refer to types not generated yet, and for each other class validates
 * it, scans its queries, builds its model and writes its incremental subclass. An error in one
 * class skips that class only.
 */
final class IncrClassStep {
  private final Types types;
  private final Elements elements;
  private final ErrorReporter reporter;
  private final ReadAnalysis analysis;
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

  IncrClassStep(ProcessingEnvironment env, boolean useTrees) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
    this.reporter = new ErrorReporter(env.getMessager());
    this.analysis = ReadAnalysis.create(env, useTrees);
    this.classValidator = new ClassValidator(reporter, types, elements);
    this.memberValidator = new MemberValidator(reporter, types, elements);
    this.dependencyValidator = new DependencyValidator(reporter, analysis);
    this.parser = new IncrClassParser(types, elements);
    this.writer = new IncrClassWriter(env.getFiler());
  }

  /** Processes one round. */
  void process(RoundEnvironment round) {
    analysis.newRound();
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
    // Accesses to inputs are checked in every class of the compilation, not only annotated ones.
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement && !generatedHere(root)) {
        dependencyValidator.validateInputAccesses((TypeElement) root);
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
    String generatedName = IncrClassParser.generatedName(type).simpleName();
    if (!classValidator.validateClass(type, generatedName)) {
      return;
    }
    List<VariableElement> inputs = new ArrayList<>();
    List<ExecutableElement> queries = new ArrayList<>();
    collectMembers(type, inputs, queries);
    for (VariableElement input : inputs) {
      if (input.getEnclosingElement().equals(type)) {
        memberValidator.validateInput(input);
      }
    }
    for (ExecutableElement query : queries) {
      if (query.getEnclosingElement().equals(type)) {
        memberValidator.validateQuery(query);
      }
    }
    ClassValidator.Implemented implemented = classValidator.validateMembers(type, inputs);

    Map<ExecutableElement, QueryReads> reads = new LinkedHashMap<>();
    if (analysis.hasTrees(type)) {
      Set<VariableElement> inputSet = new LinkedHashSet<>(inputs);
      Set<ExecutableElement> querySet = new LinkedHashSet<>(queries);
      for (ExecutableElement query : queries) {
        QueryReads r = analysis.analyzeQuery(type, query, inputSet, querySet);
        reads.put(query, r);
        dependencyValidator.validateReads(query, r);
        for (ExecutableElement unseen : r.unseen()) {
          String name = Signatures.of(query);
          reporter.note(query, Messages.SOURCE_NOT_SEEN,
              unseen.getEnclosingElement().getSimpleName() + "." + Signatures.of(unseen),
              name, name);
        }
      }
      dependencyValidator.validateCycles(queries, reads);
      dependencyValidator.validateDeferredReads(type, inputSet, querySet);
    } else if (!queries.isEmpty() && !inputs.isEmpty()) {
      reporter.note(type, Messages.NO_SOURCE_TREES, type.getQualifiedName());
    }

    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    IncrClassModel model = parser.parse(type, inputs, queries, implemented, reads);
    try {
      writer.write(model);
    } catch (IOException e) {
      reporter.error(type, Messages.WRITE_FAILED, model.generatedName(), e.getMessage());
    }
  }

  /**
   * Collects the inputs and queries of {@code type} and its superclasses, superclasses first, each
   * in declaration order; a query overridden by a query of a subclass is listed once.
   */
  private void collectMembers(
      TypeElement type, List<VariableElement> inputs, List<ExecutableElement> queries) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; t = superclass(t)) {
      chain.add(0, t);
    }
    for (TypeElement t : chain) {
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (ReadAnalysis.hasAnnotation(field, ClassNames.INPUT)) {
          inputs.add(field);
        }
      }
      for (ExecutableElement method : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (ReadAnalysis.hasAnnotation(method, ClassNames.QUERY)) {
          queries.removeIf(q -> elements.overrides(method, q, type));
          queries.add(method);
        }
      }
    }
  }

  private TypeElement superclass(TypeElement type) {
    TypeMirror s = type.getSuperclass();
    return s.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) s).asElement()
        : null;
  }

  /** Whether {@code element} is a class this processor generated. */
  static boolean generatedHere(Element element) {
    AnnotationMirror generated =
        ReadAnalysis.annotation(element, ClassNames.GENERATED.canonicalName());
    return generated != null && generated.getElementValues().values().stream()
        .anyMatch(v -> v.toString().contains(IncrementalProcessor.class.getName()));
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
