package dev.incr.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.incr.processor.QueryModel.StaticDependencyList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes the incremental subclass described by an {@link IncrClassModel}.
 *
 * <p>Shape of the generated class: a node per input, created in each constructor from the field's
 * initial value; a node per argument-less query and a {@code QueryMemo} per query with parameters;
 * a tracked getter and a setter per input; an override per query whose computation first reads the
 * nodes of the inputs the query reads directly (so those reads are dependencies) and then calls the
 * original method.
 *
 * <p>The node's kind follows the type ({@link NodeKind}): an {@code int}, {@code long} or {@code
 * double} input is an {@code IntVar}, {@code LongVar} or {@code DoubleVar} ({@code
 * engine.intVar(i)}), read with {@code getAsInt()} and written with {@code set(int)}; an
 * argument-less query returning one of those is an {@code IntComputed}, ... ({@code
 * engine.computedInt(() -> ...)}) and returns {@code getAsInt()}. Their values are stored and
 * compared unboxed, so neither the getters, the setters, the dependency reads nor a re-run box
 * anything. Every other type is a boxed {@code Var<T>} or {@code Computed<T>}.
 *
 * <pre>{@code
 * private final DoubleVar widthInput;            // @Input double width = 10;
 * private final DoubleComputed areaQuery;        // @Query double area() { return width * height; }
 * private final QueryMemo<String> describeQuery; // @Query String describe(String unit)
 *
 * this.widthInput = engine.doubleVar(this.width).label("Rect.width");
 * // @Query double side() { return wide() ? width : height; }: wide() is read conditionally
 * this.sideQuery = engine.computedDouble(() -> {
 *   this.widthInput.getAsDouble();
 *   this.heightInput.getAsDouble();
 *   return super.side();
 * }).label("Rect.side()");
 * }</pre>
 *
 * <p>An argument-less query whose node reads {@link StaticReadAnalysis} found static gets a fixed
 * dependency list instead: its function is a {@code StaticDependencies} subclass that names the
 * nodes (the inputs it reads from their fields first, then the queries and getters it calls, in
 * order) and calls the original method, which reads the input fields plainly. Its node is created
 * after the nodes of the queries it names.
 *
 * <pre>{@code
 * this.areaQuery = engine.computedDouble(new StaticDependencies.OfDouble(2, this.widthInput,
 *     this.heightInput) {
 *   @Override
 *   public double getAsDouble() {
 *     return IncrRect.super.area();
 *   }
 * }).label("Rect.area()");
 * }</pre>
 *
 * <p>Until the generated constructor has made the nodes (while the abstract class's own
 * constructor runs, if it calls a getter, setter or query), each generated method falls back to
 * what the class alone would do: a getter returns the field, a setter assigns it (the node is
 * then made from the value), a query runs the original method, untracked.
 */
final class IncrClassWriter {
  private static final String PROCESSOR = IncrementalProcessor.class.getCanonicalName();

  private final Filer filer;
  private final String runtimeVersion;

  /**
   * @param runtimeVersion the version of the runtime the generated code is for (the processor's
   *     own): it checks that it runs with that version
   */
  IncrClassWriter(Filer filer, String runtimeVersion) {
    this.filer = filer;
    this.runtimeVersion = runtimeVersion;
  }

  /** Writes the generated source file of {@code model}. */
  void write(IncrClassModel model) throws IOException {
    javaFile(model).writeTo(filer);
  }

  /** Returns the generated source file of {@code model}. */
  JavaFile javaFile(IncrClassModel model) {
    TypeSpec.Builder type = TypeSpec.classBuilder(model.generatedName())
        .addOriginatingElement(model.element())
        .addJavadoc(
            "The incremental {@link $T}: its inputs and queries are nodes of an {@link $T}.\n",
            ClassName.get(model.element()), ClassNames.ENGINE);
    if (model.generatedAnnotation()) {
      type.addAnnotation(AnnotationSpec.builder(ClassNames.GENERATED)
          .addMember("value", "$S", PROCESSOR)
          .build());
    }
    type.addAnnotation(ClassNames.GENERATED_BY_INCR)
        .addTypeVariables(model.typeVariables())
        .superclass(model.superclass())
        // A member type of the class or of its supertypes, or a type variable, named like a type
        // the generated code uses would shadow that type's simple name: write those in full.
        .alwaysQualify(model.shadowingNames().toArray(new String[0]));
    if (model.inputs().stream().anyMatch(InputModel::deprecated)
        || model.queries().stream().anyMatch(QueryModel::deprecated)
        || model.constructors().stream().anyMatch(ConstructorModel::deprecated)) {
      // The generated code must use the deprecated members it wraps; its users still get warned,
      // since the wrapping accessors and overrides are deprecated too.
      type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "deprecation")
          .build());
    }
    if (model.isPublic()) {
      type.addModifiers(Modifier.PUBLIC);
    }
    type.addModifiers(Modifier.FINAL);

    // Fails the class's first use if the runtime is another version than the one it was made for.
    // A constructor call, not a static method: in new T(...) no field named like a package of T
    // can shadow it.
    type.addField(FieldSpec.builder(ClassNames.RUNTIME_VERSION, model.versionField(),
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T($S, $S)", ClassNames.RUNTIME_VERSION, runtimeVersion,
            model.generatedName().canonicalName())
        .build());
    type.addField(ClassNames.ENGINE, model.engineField(), Modifier.PRIVATE, Modifier.FINAL);
    for (InputModel input : model.inputs()) {
      type.addField(FieldSpec.builder(input.kind().varType(input.type()), input.nodeField(),
          Modifier.PRIVATE, Modifier.FINAL).build());
    }
    for (QueryModel query : model.queries()) {
      TypeName nodeType = query.parameters().isEmpty()
          ? query.kind().computedType(query.returnType())
          : ParameterizedTypeName.get(ClassNames.QUERY_MEMO, query.returnType().box());
      type.addField(nodeType, query.nodeField(), Modifier.PRIVATE, Modifier.FINAL);
    }

    for (ConstructorModel constructor : model.constructors()) {
      type.addMethod(constructor(model, constructor));
    }
    model.engineAccessor().ifPresent(accessor -> type.addMethod(
        MethodSpec.methodBuilder(accessor.name())
            .addAnnotation(Override.class)
            .addModifiers(accessor.visibility())
            .returns(ClassNames.ENGINE)
            .addStatement("return this.$N", model.engineField())
            .build()));
    for (InputModel input : model.inputs()) {
      type.addMethod(getter(input));
      type.addMethod(setter(model, input));
    }
    for (QueryModel query : model.queries()) {
      type.addMethod(query(query));
    }
    return JavaFile.builder(model.generatedName().packageName(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  private static MethodSpec constructor(IncrClassModel model, ConstructorModel c) {
    MethodSpec.Builder b = MethodSpec.constructorBuilder()
        .addTypeVariables(c.typeVariables())
        .addExceptions(c.exceptions())
        .varargs(c.varargs());
    if (c.deprecated()) {
      b.addAnnotation(Deprecated.class);
    }
    if (c.isPublic()) {
      b.addModifiers(Modifier.PUBLIC);
    }
    b.addJavadoc("Creates the object; its nodes belong to {@code $N}.\n", c.engineParameter());
    List<String> superArgs = new ArrayList<>();
    if (!c.engineIsOwnParameter()) {
      b.addParameter(ClassNames.ENGINE, c.engineParameter());
    }
    for (ParameterSpec p : c.parameters()) {
      b.addParameter(p);
      superArgs.add(p.name());
    }
    b.addStatement("super($L)", String.join(", ", superArgs));
    String engine = c.engineParameter();
    b.addStatement("this.$N = $N", model.engineField(), engine);
    for (InputModel input : model.inputs()) {
      if (input.durability() != null) {
        CodeBlock equality = input.identity()
            ? CodeBlock.of("$T.IDENTITY, ", ClassNames.EQUALITY) : CodeBlock.of("");
        b.addStatement("this.$N = $N.$L$L(this.$N, $L$T.$L)$Z.label($S)", input.nodeField(),
            engine, witness(input.type()), input.kind().varFactory(), input.name(), equality,
            ClassNames.DURABILITY, input.durability(), input.label());
      } else if (input.identity()) {
        b.addStatement("this.$N = $N.$L$L(this.$N, $T.IDENTITY)$Z.label($S)", input.nodeField(),
            engine, witness(input.type()), input.kind().varFactory(), input.name(),
            ClassNames.EQUALITY, input.label());
      } else {
        b.addStatement("this.$N = $N.$L$L(this.$N)$Z.label($S)", input.nodeField(), engine,
            witness(input.type()), input.kind().varFactory(), input.name(), input.label());
      }
    }
    for (QueryModel query : model.creationOrder()) {
      if (query.staticDependencies().isPresent()) {
        StaticDependencyList deps = query.staticDependencies().get();
        CodeBlock.Builder args = CodeBlock.builder().add("$L", deps.fieldReads());
        for (String field : deps.nodeFields()) {
          args.add(", this.$N", field);
        }
        b.addCode("this.$N = $N.$L$L(new $T($L) {\n$>", query.nodeField(), engine,
            witness(query.returnType()), query.kind().computedFactory(),
            query.kind().staticFunctionType(query.returnType()), args.build());
        // A boxed node's function returns the box (Supplier<Boolean>.get()).
        TypeName returned = query.kind() == NodeKind.BOXED
            ? query.returnType().box() : query.returnType();
        b.addCode("@$T\npublic $T $L() {\n$>", Override.class, returned, query.kind().getter());
        b.addStatement("return $T.super.$N()", model.generatedName(), query.name());
        b.addCode("$<}\n$<}$L).label($S);\n", valueBudget(query, engine), query.label());
      } else if (query.parameters().isEmpty()) {
        b.addCode("this.$N = $N.$L$L(() -> {\n$>", query.nodeField(), engine,
            witness(query.returnType()), query.kind().computedFactory());
        b.addCode(computation(query));
        b.addCode("$<}$L).label($S);\n", valueBudget(query, engine), query.label());
      } else if (query.maxEntries() == Integer.MAX_VALUE) {
        b.addStatement("this.$N = new $T<>($N, $S)",
            query.nodeField(), ClassNames.QUERY_MEMO, engine, query.label());
      } else {
        b.addStatement("this.$N = new $T<>($N, $S, $L)",
            query.nodeField(), ClassNames.QUERY_MEMO, engine, query.label(), query.maxEntries());
      }
    }
    return b.build();
  }

  /**
   * The second argument of an argument-less query's factory call: its value budget when it has an
   * {@code lru}, else nothing.
   */
  private static CodeBlock valueBudget(QueryModel query, String engine) {
    if (query.lru() == Integer.MAX_VALUE) {
      return CodeBlock.of("");
    }
    return CodeBlock.of(", $T.shared($N, $S, $L)", ClassNames.QUERY_VALUE_LRU, engine,
        query.lruKey(), query.lru());
  }

  /**
   * The body of a query's computation: the tracked input reads (unboxed where the node is), then
   * the original method.
   */
  private static CodeBlock computation(QueryModel query) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (InputModel input : query.inputsRead()) {
      code.addStatement("this.$N.$L()", input.nodeField(), input.kind().getter());
    }
    code.addStatement("return super.$N($L)", query.name(), arguments(query));
    return code.build();
  }

  /** An explicit type argument where inference would capture a wildcard, else nothing. */
  private static CodeBlock witness(TypeName type) {
    return type.toString().contains("?") ? CodeBlock.of("<$T>", type.box()) : CodeBlock.of("");
  }

  private static MethodSpec getter(InputModel input) {
    MethodSpec.Builder b = MethodSpec.methodBuilder(input.name());
    if (input.getterOverrides()) {
      b.addAnnotation(Override.class);
    }
    if (input.deprecated()) {
      b.addAnnotation(Deprecated.class);
    }
    return b.addJavadoc("Returns {@code $N}; inside a computation, a tracked read.\n", input.name())
        .addModifiers(Modifier.PUBLIC)
        .returns(input.type())
        .beginControlFlow("if (this.$N == null)", input.nodeField())
        .addStatement("return this.$N", input.name())
        .endControlFlow()
        .addStatement("return this.$N.$L()", input.nodeField(), input.kind().getter())
        .build();
  }

  private static MethodSpec setter(IncrClassModel model, InputModel input) {
    MethodSpec.Builder b = MethodSpec.methodBuilder(input.setterName());
    if (input.setterOverrides()) {
      b.addAnnotation(Override.class);
    }
    if (input.deprecated()) {
      b.addAnnotation(Deprecated.class);
    }
    // The field and the Var change together inside one batch, so that under a concurrent engine
    // no computation sees one without the other.
    return b.addJavadoc("Sets {@code $N}; queries that read it re-run when next read.\n",
            input.name())
        .addModifiers(Modifier.PUBLIC)
        .addParameter(input.type(), input.name())
        .beginControlFlow("if (this.$N == null)", input.nodeField())
        .addStatement("this.$N = $N", input.name(), input.name())
        .addStatement("return")
        .endControlFlow()
        .addCode("this.$N.batch(() -> {\n$>", model.engineField())
        .addStatement("this.$N = $N", input.name(), input.name())
        .addStatement("this.$N.set($N)", input.nodeField(), input.name())
        .addCode("$<});\n")
        .build();
  }

  private static MethodSpec query(QueryModel query) {
    MethodSpec.Builder b = MethodSpec.methodBuilder(query.name())
        .addAnnotation(Override.class);
    if (query.varargs() && !reifiable(query.parameters().get(query.parameters().size() - 1))) {
      // The override, like the original, takes an array of a generic type ("heap pollution").
      b.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "unchecked").build());
    }
    if (query.deprecated()) {
      b.addAnnotation(Deprecated.class);
    }
    if (query.parameters().isEmpty() && query.lru() != Integer.MAX_VALUE) {
      b.addJavadoc("Memoized, its value held by at most $L objects of the class per engine:\nruns"
          + " again only after something it read has changed, or to get back its evicted"
          + " value.\n", query.lru());
    } else if (query.parameters().isEmpty()) {
      b.addJavadoc("Memoized: runs again only after something it read has changed.\n");
    } else if (query.maxEntries() == Integer.MAX_VALUE) {
      b.addJavadoc(
          "Memoized per argument list: runs again only after something it read has changed.\n");
    } else {
      b.addJavadoc("Memoized per argument list, at most $L kept: runs again only after something"
          + " it read has changed,\nor after its entry was evicted.\n", query.maxEntries());
    }
    b.addModifiers(query.visibility())
        .returns(query.returnType())
        .addParameters(query.parameters())
        .varargs(query.varargs())
        .beginControlFlow("if (this.$N == null)", query.nodeField())
        .addStatement("return super.$N($L)", query.name(), arguments(query))
        .endControlFlow();
    if (query.parameters().isEmpty()) {
      return b.addStatement("return this.$N.$L()", query.nodeField(), query.kind().getter())
          .build();
    }
    CodeBlock key = memoKey(query);
    if (query.inputsRead().isEmpty()) {
      return b.addStatement("return this.$N.get($L, () -> super.$N($L))",
              query.nodeField(), key, query.name(), arguments(query))
          .build();
    }
    return b.addCode("return this.$N.get($L, () -> {\n$>", query.nodeField(), key)
        .addCode(computation(query))
        .addCode("$<});\n")
        .build();
  }

  /** Whether the element type of variable-arity parameter {@code p} is known at run time. */
  private static boolean reifiable(ParameterSpec p) {
    TypeName element = p.type() instanceof ArrayTypeName
        ? ((ArrayTypeName) p.type()).componentType() : p.type();
    return !(element instanceof TypeVariableName || element instanceof ParameterizedTypeName);
  }

  /**
   * The memo key: the argument itself for one argument, else {@code new QueryArgs(...)}, which
   * also compares arrays (and so variable arguments) by content. A constructor call rather than a
   * static method: in {@code new T(...)} the name {@code T} can only be a type, so no field or
   * parameter of the user's class (such as one named {@code QueryMemo}) can shadow it.
   */
  private static CodeBlock memoKey(QueryModel query) {
    List<ParameterSpec> parameters = query.parameters();
    boolean hasArray = false;
    for (ParameterSpec p : parameters) {
      hasArray |= p.type() instanceof ArrayTypeName;
    }
    if (parameters.size() > 1) {
      return CodeBlock.of("new $T($L)", ClassNames.QUERY_ARGS, arguments(query));
    }
    String only = parameters.get(0).name();
    return hasArray
        ? CodeBlock.of("new $T(($T) $N)", ClassNames.QUERY_ARGS, Object.class, only)
        : CodeBlock.of("$N", only);
  }

  private static String arguments(QueryModel query) {
    List<String> names = new ArrayList<>();
    for (ParameterSpec p : query.parameters()) {
      names.add(p.name());
    }
    return String.join(", ", names);
  }
}
