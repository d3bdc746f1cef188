package dev.incr.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.incr.processor.QueryModel.StaticDependencyList;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Builds the immutable {@link IncrClassModel} of a valid annotated class from its elements, its
 * {@link ClassMembers} and what its queries read: everything the writer needs, named and decided.
 */
final class IncrClassParser {
  private final Types types;
  private final Elements elements;

  IncrClassParser(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** Returns the generated class's name: {@code Incr} + the simple names joined by {@code _}. */
  static ClassName generatedName(TypeElement type) {
    ClassName original = ClassName.get(type);
    return ClassName.get(
        original.packageName(), "Incr" + String.join("_", original.simpleNames()));
  }

  /**
   * Builds the model.
   *
   * @param members the class's inputs, queries and abstract accessors
   * @param reads what each query reads; a query missing from the map, or whose scan is incomplete,
   *     depends on every input
   * @param staticReads for each argument-less query analyzed, whether its node reads are known at
   *     compile time; a query missing from the map records them as it runs
   */
  IncrClassModel parse(
      TypeElement type,
      ClassMembers members,
      Map<ExecutableElement, QueryReads> reads,
      Map<ExecutableElement, StaticReads> staticReads) {
    List<VariableElement> inputs = members.inputs();
    List<ExecutableElement> queries = members.queries();
    DeclaredType declared = (DeclaredType) type.asType();
    ClassName original = ClassName.get(type);
    String labelPrefix = String.join(".", original.simpleNames());

    // A field or parameter named like a type shadows it where the generated code names the type in
    // an expression (Equality.IDENTITY): such types are written in full too.
    Set<String> shadowingNames = new TreeSet<>();
    NameAllocator names = new NameAllocator();
    for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
      names.newName(field.getSimpleName().toString());
      shadowingNames.add(field.getSimpleName().toString());
    }
    String engineField = names.newName("engine");

    for (TypeElement member : ElementFilter.typesIn(elements.getAllMembers(type))) {
      shadowingNames.add(member.getSimpleName().toString());
    }
    List<TypeVariableName> typeVariables = new ArrayList<>();
    for (TypeParameterElement p : type.getTypeParameters()) {
      typeVariables.add(TypeVariableName.get(p));
      shadowingNames.add(p.getSimpleName().toString());
    }
    TypeName superclass = typeVariables.isEmpty()
        ? original
        : ParameterizedTypeName.get(original, typeVariables.toArray(new TypeName[0]));

    List<InputModel> inputModels = new ArrayList<>();
    for (VariableElement input : inputs) {
      String name = input.getSimpleName().toString();
      String nodeField = names.newName(name + "Input");
      inputModels.add(new InputModel(
          name,
          TypeName.get(types.asMemberOf(declared, input)),
          Signatures.setterName(name),
          nodeField,
          labelPrefix + "." + name,
          members.implementedGetters().contains(input),
          members.implementedSetters().contains(input),
          elements.isDeprecated(input),
          Annotations.identityEquality(input),
          Annotations.durability(input)));
    }

    List<QueryModel> queryModels = new ArrayList<>();
    Map<ExecutableElement, String> queryFields = new HashMap<>();
    for (ExecutableElement query : queries) {
      queryFields.put(query, names.newName(query.getSimpleName() + "Query"));
    }
    for (ExecutableElement query : queries) {
      ExecutableType queryType = (ExecutableType) types.asMemberOf(declared, query);
      List<ParameterSpec> parameters = new ArrayList<>();
      for (int i = 0; i < query.getParameters().size(); i++) {
        parameters.add(ParameterSpec.builder(
                TypeName.get(queryType.getParameterTypes().get(i)),
                query.getParameters().get(i).getSimpleName().toString())
            .build());
      }
      QueryReads r = reads.get(query);
      List<InputModel> inputsRead = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        if (r == null || !r.complete() || r.inputsRead().contains(inputs.get(i))) {
          inputsRead.add(inputModels.get(i));
        }
      }
      String name = query.getSimpleName().toString();
      boolean memo = !parameters.isEmpty();
      queryModels.add(new QueryModel(
          name,
          TypeName.get(queryType.getReturnType()),
          parameters,
          query.isVarArgs(),
          visibility(query),
          inputsRead,
          queryFields.get(query),
          labelPrefix + "." + name + (memo ? "" : "()"),
          elements.isDeprecated(query),
          Annotations.maxEntries(query),
          Annotations.lru(query),
          type.getQualifiedName() + "." + name + "()",
          staticDependencies(staticReads.get(query), inputsRead, inputs, inputModels,
              queryFields)));
    }

    List<ConstructorModel> constructors = new ArrayList<>();
    TypeElement engine = elements.getTypeElement(ClassNames.ENGINE_NAME);
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      NameAllocator params = new NameAllocator();
      List<ParameterSpec> parameters = new ArrayList<>();
      String engineParameter = null;
      for (VariableElement p : c.getParameters()) {
        String pName = params.newName(p.getSimpleName().toString());
        shadowingNames.add(pName);
        parameters.add(ParameterSpec.builder(TypeName.get(p.asType()), pName).build());
        if (engineParameter == null
            && engine != null
            && types.isSameType(p.asType(), engine.asType())) {
          engineParameter = pName;
        }
      }
      boolean own = engineParameter != null;
      if (!own) {
        engineParameter = params.newName("engine");
      }
      List<TypeVariableName> ctorTypeVariables = new ArrayList<>();
      for (TypeParameterElement p : c.getTypeParameters()) {
        ctorTypeVariables.add(TypeVariableName.get(p));
        shadowingNames.add(p.getSimpleName().toString());
      }
      List<TypeName> exceptions = new ArrayList<>();
      for (TypeMirror t : c.getThrownTypes()) {
        exceptions.add(TypeName.get(t));
      }
      Set<Modifier> m = c.getModifiers();
      constructors.add(new ConstructorModel(
          parameters,
          engineParameter,
          own,
          c.isVarArgs(),
          m.contains(Modifier.PUBLIC) || m.contains(Modifier.PROTECTED),
          ctorTypeVariables,
          exceptions,
          elements.isDeprecated(c)));
    }

    Optional<EngineAccessor> accessor = members.engineAccessor()
        .map(m -> new EngineAccessor(m.getSimpleName().toString(), visibility(m)));
    return new IncrClassModel(
        type,
        generatedName(type),
        superclass,
        typeVariables,
        type.getModifiers().contains(Modifier.PUBLIC),
        engineField,
        accessor,
        constructors,
        inputModels,
        queryModels,
        creationOrder(queries, queryModels, staticReads),
        generatedAnnotationVisible(type),
        names.newName("INCR_RUNTIME_VERSION"),
        shadowingNames);
  }

  /**
   * The fixed dependency list of a query whose node reads are static: the inputs it reads from
   * their fields, then the nodes it reads, each once; empty if its reads are not static.
   */
  private static Optional<StaticDependencyList> staticDependencies(
      StaticReads reads,
      List<InputModel> inputsRead,
      List<VariableElement> inputs,
      List<InputModel> inputModels,
      Map<ExecutableElement, String> queryFields) {
    if (reads == null || !reads.isStatic()) {
      return Optional.empty();
    }
    Set<String> fields = new LinkedHashSet<>();
    for (InputModel input : inputsRead) {
      fields.add(input.nodeField());
    }
    int fieldReads = fields.size();
    for (Element node : reads.nodeReads()) {
      fields.add(node instanceof ExecutableElement
          ? queryFields.get(node)
          : inputModels.get(inputs.indexOf(node)).nodeField());
    }
    return Optional.of(new StaticDependencyList(fieldReads, new ArrayList<>(fields)));
  }

  /**
   * The queries in the order their nodes are created: each static query after the queries it
   * reads (they form no cycle: a cycle of argument-less queries is a compile error), the others in
   * declaration order.
   */
  private static List<QueryModel> creationOrder(
      List<ExecutableElement> queries,
      List<QueryModel> models,
      Map<ExecutableElement, StaticReads> staticReads) {
    List<QueryModel> order = new ArrayList<>();
    Set<ExecutableElement> placed = new HashSet<>();
    for (ExecutableElement query : queries) {
      place(query, queries, models, staticReads, placed, order);
    }
    return order;
  }

  private static void place(
      ExecutableElement query,
      List<ExecutableElement> queries,
      List<QueryModel> models,
      Map<ExecutableElement, StaticReads> staticReads,
      Set<ExecutableElement> placed,
      List<QueryModel> order) {
    if (!placed.add(query)) {
      return;
    }
    StaticReads reads = staticReads.get(query);
    if (reads != null && reads.isStatic()) {
      for (Element node : reads.nodeReads()) {
        if (node instanceof ExecutableElement) {
          place((ExecutableElement) node, queries, models, staticReads, placed, order);
        }
      }
    }
    order.add(models.get(queries.indexOf(query)));
  }

  /**
   * Whether {@code javax.annotation.processing.Generated} is visible to the code of {@code type}:
   * it exists, and {@code type} is in the unnamed module or in a module that reads {@code
   * java.compiler} (a user's {@code module-info} need not require it).
   */
  private boolean generatedAnnotationVisible(TypeElement type) {
    TypeElement generated = elements.getTypeElement(ClassNames.GENERATED.canonicalName());
    if (generated == null) {
      return false;
    }
    ModuleElement module = elements.getModuleOf(type);
    return module == null
        || module.isUnnamed()
        || reads(module, elements.getModuleOf(generated), false, new HashSet<>());
  }

  /**
   * Whether {@code module} reads {@code target}: requires it, or requires a module that requires
   * it transitively ({@code onlyTransitive} for the modules below the first).
   */
  private static boolean reads(
      ModuleElement module, ModuleElement target, boolean onlyTransitive, Set<ModuleElement> seen) {
    if (target == null || !seen.add(module)) {
      return false;
    }
    for (ModuleElement.RequiresDirective r : ElementFilter.requiresIn(module.getDirectives())) {
      if (onlyTransitive && !r.isTransitive()) {
        continue;
      }
      if (r.getDependency().equals(target) || reads(r.getDependency(), target, true, seen)) {
        return true;
      }
    }
    return false;
  }

  private static Set<Modifier> visibility(Element e) {
    Set<Modifier> v = EnumSet.noneOf(Modifier.class);
    for (Modifier m : e.getModifiers()) {
      if (m == Modifier.PUBLIC || m == Modifier.PROTECTED) {
        v.add(m);
      }
    }
    return v;
  }
}
