import CodeBlockWriter from 'code-block-writer';
import type {
  ClassDeclarationStructure,
  ConstructorDeclarationStructure,
  EnumDeclarationStructure,
  EnumMemberStructure,
  ExportDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  ImportSpecifierStructure,
  ExportSpecifierStructure,
  IndexSignatureDeclarationStructure,
  InterfaceDeclarationStructure,
  JSDocStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertyDeclarationStructure,
  PropertySignatureStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  TypeParameterDeclarationStructure,
  VariableDeclarationStructure,
  VariableStatementStructure,
  WriterFunction,
} from 'ts-morph';
import { isPlainText } from './laid-out-text.js';
import { StructureKind } from './structure-kind.js';
import { docText, isLastPlainLiteral } from './ts-literal.js';

type Text = string | WriterFunction;
type Docs = ReadonlyArray<string | OptionalKind<JSDocStructure>> | undefined;

const WRITER_OPTIONS = { indentNumberOfSpaces: 2 };
const GROUPED: ReadonlySet<number> = new Set([StructureKind.ImportDeclaration, StructureKind.ExportDeclaration]);
/** Statements ts-morph always puts a blank line before (unless first in their block). */
const BLANK_LINE_BEFORE: ReadonlySet<number> = new Set([StructureKind.Function, StructureKind.Class, StructureKind.Interface, StructureKind.Enum]);
/** Stands in the writer for text placed after printing (see `place`); spec text reaches code only escaped, so it cannot hold one. */
const SLOT = '\u0000';
/**
 * Marks white space at the end of a line that goes, for the writer to read
 * first: ts-morph's writer read it (a backslash before it does not continue
 * a string) and the old printer took it off after printing.
 */
const TRIM = '\u0001';
const TRIMMED = /\u0001[ \t]*/g;
/** Text shorter than this, on one line, costs the writer no more than placing it. */
const PLACE_FROM_LENGTH = 80;

/**
 * Prints a file's statements as ts-morph's `printStructure` prints them
 * (two-space indent, a blank line between statements except within a run of
 * imports or exports), with two differences that are the reason for this
 * printer: text given for a type, an initializer or a return type is
 * written as it is laid out, its continuation lines indented like the line
 * it starts on instead of one level more; and JSDoc goes through `docText`.
 * Text that is already laid out (data literals, unions, enum members, docs)
 * is not written through the writer, which looks at every character it
 * writes, but placed: a mark in the writer, the text put in its place
 * afterwards (see `place`). print-source.test.ts holds the output to the
 * bytes ts-morph prints, on every file the targets generate and on random
 * structures.
 *
 * Only what the targets use is printed; anything else a structure sets
 * (decorators, overloads, call signatures, …) is refused rather than left
 * out.
 */
export function printedParts(statements: readonly StatementStructures[]): string[] {
  return new StructurePrinter(true).file(statements) ?? new StructurePrinter(false).file(statements)!;
}

class StructurePrinter {
  private readonly writer = new CodeBlockWriter(WRITER_OPTIONS);
  private readonly slots: string[] = [];
  /** Whether text went through the writer with white space to drop behind `TRIM`. */
  private trimmed = false;

  constructor(private readonly placing: boolean) {}

  /** The file's text in parts; undefined when a mark could not be told from the text around it. */
  file(statements: readonly StatementStructures[]): string[] | undefined {
    const w = this.writer;
    statements.forEach((statement, index) => {
      const previous = statements[index - 1];
      if (previous && !(GROUPED.has(previous.kind) && previous.kind === statement.kind)) {
        this.beforeStatement();
        w.blankLineIfLastNot();
      }
      this.beforeStatement();
      this.statement(statement);
    });
    w.conditionalNewLine(!w.isAtStartOfFirstLineOfBlock() && !w.isLastNewLine());
    const written = this.trimmed ? w.toString().replace(TRIMMED, '') : w.toString();
    if (!this.placing) return [written];
    const pieces = written.split(SLOT);
    if (pieces.length !== this.slots.length + 1) return undefined;
    const parts = [pieces[0]!];
    for (let index = 0; index < this.slots.length; index++) parts.push(this.slots[index]!, pieces[index + 1]!);
    return parts;
  }

  private beforeStatement(): void {
    const w = this.writer;
    if (lastNonWhitespaceIsCloseBrace(w)) w.blankLineIfLastNot();
    else if (!w.isAtStartOfFirstLineOfBlock()) w.newLineIfLastNot();
  }

  private statement(statement: StatementStructures): void {
    if (BLANK_LINE_BEFORE.has(statement.kind)) this.ensureBlankLine();
    this.writer.closeComment();
    switch (statement.kind) {
      case StructureKind.ImportDeclaration:
        return this.importDeclaration(statement);
      case StructureKind.ExportDeclaration:
        return this.exportDeclaration(statement);
      case StructureKind.TypeAlias:
        return this.typeAlias(statement);
      case StructureKind.VariableStatement:
        return this.variableStatement(statement);
      case StructureKind.Function:
        return this.functionDeclaration(statement);
      case StructureKind.Class:
        return this.classDeclaration(statement);
      case StructureKind.Interface:
        return this.interfaceDeclaration(statement);
      case StructureKind.Enum:
        return this.enumDeclaration(statement);
      default:
        throw new Error(`errcat's TypeScript printer does not print statements of kind ${statement.kind}`);
    }
  }

  private ensureBlankLine(): void {
    if (!this.writer.isAtStartOfFirstLineOfBlock()) this.writer.blankLineIfLastNot();
  }

  private importDeclaration(structure: ImportDeclarationStructure): void {
    supported(structure, 'import', IMPORT_KEYS);
    const w = this.writer;
    const named = structure.namedImports;
    const hasNamed = Array.isArray(named) && named.length > 0;
    w.write('import');
    if (structure.isTypeOnly) w.write(' type');
    if (structure.defaultImport != null) w.write(` ${structure.defaultImport}${hasNamed || structure.namespaceImport != null ? ',' : ''}`);
    if (structure.namespaceImport != null) w.write(` * as ${structure.namespaceImport}`);
    if (hasNamed) w.space().write(specifiers(named as ReadonlyArray<string | OptionalKind<ImportSpecifierStructure>>));
    w.conditionalWrite(structure.defaultImport != null || hasNamed || structure.namespaceImport != null, ' from');
    w.write(' ').quote(structure.moduleSpecifier).write(';');
  }

  private exportDeclaration(structure: ExportDeclarationStructure): void {
    supported(structure, 'export', EXPORT_KEYS);
    const w = this.writer;
    const named = structure.namedExports;
    const hasModule = structure.moduleSpecifier != null && structure.moduleSpecifier.length > 0;
    w.write('export');
    if (structure.isTypeOnly) w.write(' type');
    if (Array.isArray(named) && named.length > 0) w.space().write(specifiers(named as ReadonlyArray<string | OptionalKind<ExportSpecifierStructure>>));
    else if (!hasModule) w.write(' { }');
    else w.write(' *');
    if (hasModule) w.write(' from ').quote(structure.moduleSpecifier!);
    w.write(';');
  }

  private typeAlias(structure: TypeAliasDeclarationStructure): void {
    supported(structure, 'type alias', TYPE_ALIAS_KEYS);
    this.docs(structure.docs);
    this.writer.write(`${modifiers(structure)}type ${structure.name}`);
    this.typeParameters(structure.typeParameters);
    this.typed(' =', structure.type);
    this.writer.write(';');
  }

  private variableStatement(structure: VariableStatementStructure): void {
    supported(structure, 'variable statement', VARIABLE_STATEMENT_KEYS);
    const w = this.writer;
    this.docs(structure.docs);
    w.hangingIndent(() => {
      w.write(`${modifiers(structure)}${structure.declarationKind ?? 'let'} `);
      if (structure.declarations.length === 0) throw new Error('a variable statement needs at least one declaration');
      this.commaSeparated(structure.declarations, (declaration) => this.variableDeclaration(declaration));
      w.write(';');
    });
  }

  private variableDeclaration(structure: OptionalKind<VariableDeclarationStructure>): string {
    supported(structure, 'variable declaration', VARIABLE_DECLARATION_KEYS);
    this.writer.closeComment();
    this.writer.write(structure.name);
    this.writer.conditionalWrite(structure.hasExclamationToken, '!');
    const type = this.typed(':', structure.type);
    return itemText(structure.name, type, this.initializer(structure.initializer));
  }

  private functionDeclaration(structure: FunctionDeclarationStructure): void {
    supported(structure, 'function', FUNCTION_KEYS);
    const w = this.writer;
    this.docs(structure.docs);
    w.write(`${modifiers(structure)}function`);
    w.conditionalWrite(structure.isGenerator, '*');
    if (!isWhitespace(structure.name)) w.write(` ${structure.name}`);
    this.typeParameters(structure.typeParameters);
    this.parameters(structure.parameters);
    this.typed(':', structure.returnType);
    if (structure.hasDeclareKeyword) w.write(';');
    else w.space().inlineBlock(() => this.bodyStatements(structure.statements));
  }

  private classDeclaration(structure: ClassDeclarationStructure): void {
    supported(structure, 'class', CLASS_KEYS);
    const w = this.writer;
    const ambient = structure.hasDeclareKeyword === true;
    this.docs(structure.docs);
    w.write(`${modifiers(structure)}class`);
    if (!isWhitespace(structure.name)) w.space().write(structure.name!);
    this.typeParameters(structure.typeParameters);
    w.space();
    w.hangingIndent(() => {
      if (structure.extends != null) {
        const text = textOf(structure.extends);
        if (!isWhitespace(text)) w.write(`extends ${text} `);
      }
      if (structure.implements != null) {
        const text = typeof structure.implements === 'function' || typeof structure.implements === 'string' ? textOf(structure.implements) : structure.implements.map(textOf).join(', ');
        if (!isWhitespace(text)) w.write(`implements ${text} `);
      }
    });
    w.inlineBlock(() => {
      (structure.properties ?? []).forEach((property, index) => {
        w.conditionalNewLine(index > 0);
        this.property(property);
      });
      for (const ctor of structure.ctors ?? []) {
        this.memberSeparator(ambient);
        this.constructorDeclaration(ctor, ambient);
      }
      const methods = structure.methods ?? [];
      if (methods.length > 0) {
        this.memberSeparator(ambient);
        methods.forEach((method, index) => {
          if (index > 0) {
            if (ambient) w.newLine();
            else w.blankLine();
          }
          this.method(method, ambient);
        });
      }
    });
  }

  private memberSeparator(ambient: boolean): void {
    const w = this.writer;
    if (w.isAtStartOfFirstLineOfBlock()) return;
    if (ambient) w.newLine();
    else w.blankLine();
  }

  private property(structure: OptionalKind<PropertyDeclarationStructure>): void {
    supported(structure, 'property', PROPERTY_KEYS);
    const w = this.writer;
    w.closeComment();
    this.docs(structure.docs);
    w.write(`${modifiers(structure)}${structure.name}`);
    w.conditionalWrite(structure.hasQuestionToken, '?');
    w.conditionalWrite(structure.hasExclamationToken && !structure.hasQuestionToken, '!');
    this.typed(':', structure.type);
    this.initializer(structure.initializer);
    w.write(';');
  }

  private constructorDeclaration(structure: OptionalKind<ConstructorDeclarationStructure>, ambient: boolean): void {
    supported(structure, 'constructor', CONSTRUCTOR_KEYS);
    const w = this.writer;
    w.closeComment();
    this.docs(structure.docs);
    w.write(`${modifiers(structure)}constructor`);
    this.typeParameters(structure.typeParameters);
    this.parameters(structure.parameters);
    if (ambient) w.write(';');
    else w.space().inlineBlock(() => this.bodyStatements(structure.statements));
  }

  private method(structure: OptionalKind<MethodDeclarationStructure>, ambient: boolean): void {
    supported(structure, 'method', METHOD_KEYS);
    const w = this.writer;
    w.closeComment();
    this.docs(structure.docs);
    w.write(modifiers(structure));
    w.conditionalWrite(structure.isGenerator, '*');
    w.write(structure.name);
    w.conditionalWrite(structure.hasQuestionToken, '?');
    this.typeParameters(structure.typeParameters);
    this.parameters(structure.parameters);
    this.typed(':', structure.returnType);
    if (ambient || structure.isAbstract) w.write(';');
    else w.spaceIfLastNot().inlineBlock(() => this.bodyStatements(structure.statements));
  }

  private interfaceDeclaration(structure: InterfaceDeclarationStructure): void {
    supported(structure, 'interface', INTERFACE_KEYS);
    const w = this.writer;
    this.docs(structure.docs);
    w.write(`${modifiers(structure)}interface ${structure.name}`);
    this.typeParameters(structure.typeParameters);
    w.space();
    if (structure.extends != null) {
      const text = typeof structure.extends === 'function' || typeof structure.extends === 'string' ? textOf(structure.extends) : structure.extends.map(textOf).join(', ');
      if (!isWhitespace(text)) w.hangingIndent(() => w.write(`extends ${text} `));
    }
    w.inlineBlock(() => {
      const indexSignatures = structure.indexSignatures ?? [];
      const properties = structure.properties ?? [];
      if (indexSignatures.length > 0 && !w.isAtStartOfFirstLineOfBlock()) w.newLine();
      indexSignatures.forEach((signature, index) => {
        w.conditionalNewLine(index > 0);
        this.indexSignature(signature);
      });
      if (properties.length > 0 && !w.isAtStartOfFirstLineOfBlock()) w.newLine();
      // Thousands of properties (a type per code) are laid out and placed at once.
      const laid = properties.length > 1 ? properties.map(propertySignatureText) : [];
      if (laid.length > 0 && laid.every((text) => text !== undefined) && this.tryPlace(laid.join('\n'), true)) return;
      properties.forEach((property, index) => {
        w.conditionalNewLine(index > 0);
        this.propertySignature(property);
      });
    });
  }

  private indexSignature(structure: OptionalKind<IndexSignatureDeclarationStructure>): void {
    supported(structure, 'index signature', INDEX_SIGNATURE_KEYS);
    const w = this.writer;
    w.closeComment();
    this.docs(structure.docs);
    w.write(`${modifiers(structure)}[${structure.keyName || 'key'}: ${structure.keyType || 'string'}]`);
    this.typed(':', structure.returnType);
    w.write(';');
  }

  private propertySignature(structure: OptionalKind<PropertySignatureStructure>): void {
    supported(structure, 'property signature', PROPERTY_SIGNATURE_KEYS);
    const w = this.writer;
    w.closeComment();
    this.docs(structure.docs);
    w.write(`${modifiers(structure)}${structure.name}`);
    w.conditionalWrite(structure.hasQuestionToken, '?');
    this.typed(':', structure.type);
    this.initializer(structure.initializer);
    w.write(';');
  }

  private enumDeclaration(structure: EnumDeclarationStructure): void {
    supported(structure, 'enum', ENUM_KEYS);
    const w = this.writer;
    this.docs(structure.docs);
    w.write(modifiers(structure));
    w.conditionalWrite(structure.isConst, 'const ');
    const members = (structure.members ?? []).map(enumMember);
    w.write(`enum ${structure.name} `).inlineBlock(() => {
      if (!(members.every((member) => member.plain) && this.tryPlace(members.map((member) => member.text).join(',\n'), true))) this.writeEnumMembers(members.map((member) => member.written()));
    });
  }

  /**
   * Members the writer must read, one line at a time, as ts-morph's did:
   * printed each on its own first (in a writer of their own, where a line
   * that starts in a string got no hanging indent) and then into the enum,
   * where the old printer took one level off every continuation line,
   * whichever writer had indented it.
   */
  private writeEnumMembers(members: readonly string[]): void {
    const w = this.writer;
    const level = w.getIndentationLevel();
    if (members.length === 0) w.write('');
    members.forEach((member, index) => {
      if (member.includes(TRIM)) this.trimmed = true;
      if (index > 0) w.write(',').newLine();
      const own = new CodeBlockWriter(WRITER_OPTIONS);
      member.split('\n').forEach((line, lineIndex) => {
        if (lineIndex > 0) {
          w.newLine();
          own.newLine();
        }
        w.setIndentationLevel(lineIndex > 0 && own.isInString() ? level - 1 : level);
        if (line) w.write(line);
        own.write(line);
      });
      if (member.endsWith('\n') && index === members.length - 1) {
        // ts-morph's line ended in its continuation mark: a line, left blank.
        w.setIndentationLevel(0).write(TRIM);
        this.trimmed = true;
      }
      w.setIndentationLevel(level);
    });
  }

  private typeParameters(structures: ReadonlyArray<string | OptionalKind<TypeParameterDeclarationStructure>> | undefined): void {
    if (structures == null || structures.length === 0) return;
    const w = this.writer;
    w.write('<');
    this.commaSeparated(structures, (structure) => {
      w.closeComment();
      if (typeof structure === 'string') {
        w.write(structure);
        return structure;
      }
      supported(structure, 'type parameter', TYPE_PARAMETER_KEYS);
      let constraint: string | undefined;
      let defaultType: string | undefined;
      w.hangingIndent(() => {
        if (structure.isConst) w.write('const ');
        w.write(structure.name);
        if (structure.constraint != null) {
          const text = textOf(structure.constraint);
          if (!isWhitespace(text)) w.write(` extends ${(constraint = text)}`);
        }
        if (structure.default != null) {
          const text = textOf(structure.default);
          if (!isWhitespace(text)) w.write(` = ${(defaultType = text)}`);
        }
      });
      return itemText(structure.name, constraint, defaultType);
    });
    w.write('>');
  }

  private parameters(structures: ReadonlyArray<OptionalKind<ParameterDeclarationStructure>> | undefined): void {
    const w = this.writer;
    w.write('(');
    if (structures != null && structures.length > 0) {
      w.hangingIndent(() =>
        this.commaSeparated(structures, (structure) => {
          supported(structure, 'parameter', PARAMETER_KEYS);
          w.closeComment();
          w.write(modifiers(structure));
          w.conditionalWrite(structure.isRestParameter, '...');
          w.write(structure.name);
          w.conditionalWrite(structure.hasQuestionToken, '?');
          const type = this.typed(':', structure.type ?? (structure.hasQuestionToken ? 'any' : undefined));
          return itemText(structure.name, type, this.initializer(structure.initializer));
        }),
      );
    }
    w.write(')');
  }

  /**
   * Items with a comma after each but the last, the way ts-morph puts it
   * (right after an item's last token): an item that ends in a comment or
   * white space would need the TypeScript scanner to place it. So would the
   * last item of several: ts-morph, finding no token to put a comma after
   * in it, can leave out the comma after the one before it instead.
   */
  private commaSeparated<T>(items: readonly T[], print: (item: T) => string): void {
    items.forEach((item, index) => {
      if (index > 0) this.writer.spaceIfLastNot();
      const text = print(item);
      if (items.length > 1 && endsInTrivia(text)) throw new Error(`errcat's TypeScript printer cannot put a comma after ${JSON.stringify(text)}`);
      if (index < items.length - 1) this.writer.write(',');
    });
  }

  private bodyStatements(statements: FunctionDeclarationStructure['statements']): void {
    const w = this.writer;
    if (statements == null) return;
    const write = (statement: unknown) => {
      if (typeof statement === 'string') w.write(statement);
      else if (typeof statement === 'function') (statement as WriterFunction)(w);
      else if (statement != null) throw new Error("errcat's TypeScript printer prints a body's statements from text only");
    };
    if (typeof statements === 'string' || typeof statements === 'function') return write(statements);
    for (const statement of statements) {
      this.beforeStatement();
      write(statement);
    }
  }

  /** `: type` (`=` for a type alias); the type text when one was written. */
  private typed(separator: string, type: Text | undefined): string | undefined {
    if (type == null) return undefined;
    return this.laidOut(`${separator} `, type);
  }

  /** ` = initializer`; the initializer text when one was written. */
  private initializer(initializer: Text | undefined): string | undefined {
    if (initializer == null) return undefined;
    const text = textOf(initializer);
    if (isBlank(text)) return undefined;
    this.writer.spaceIfLastNot();
    return this.laidOut('= ', text);
  }

  /**
   * `prefix` and the text, laid out as given from the column of the line it
   * starts on: no line carries trailing white space into the next, and text
   * that starts on a new line leaves none behind the prefix. Nothing when
   * the text is blank.
   */
  private laidOut(prefix: string, value: Text): string | undefined {
    const text = textOf(value);
    if (isBlank(text)) return undefined;
    this.writer.write(startsOnNewLine(text) ? prefix.replace(/[ \t]+$/, '') : prefix);
    this.place(text);
    return text;
  }

  /**
   * Writes text whose later lines are indented like the current line, and
   * that carries no trailing white space into a line break. Text the writer
   * would only copy and indent (`isPlainText`, or `plain` when the caller
   * knows, or a data literal that found itself plain as it was written) is
   * put in after printing, in place of a mark; the rest goes
   * through the writer, reading the trailing white space it is to drop as
   * ts-morph's writer did (see `TRIM`).
   */
  private place(text: string): void {
    if (!text.includes('\n')) {
      if (!this.tryPlace(text, undefined)) this.writeLaidOut(text);
      return;
    }
    if (!this.tryPlace(withoutTrailingSpace(text, false), undefined)) this.writeLaidOut(withoutTrailingSpace(text, true));
  }

  /** A JSDoc block (from `jsDoc`, so plain), kept as it is. */
  private placeDoc(block: string): void {
    if (!this.tryPlace(block, true)) this.writeLaidOut(block);
  }

  /** Puts a mark for `slot` where the writer stands, when it is worth it and the writer would only copy and indent it; whether it did. */
  private tryPlace(slot: string, plain: boolean | undefined): boolean {
    const w = this.writer;
    const worthIt = slot.length >= PLACE_FROM_LENGTH || slot.includes('\n');
    if (!(this.placing && worthIt && !/\s$/.test(slot) && readsPlainly(w) && (plain ?? (isLastPlainLiteral(slot) || isPlainText(slot))))) return false;
    const indent = ' '.repeat(WRITER_OPTIONS.indentNumberOfSpaces * w.getIndentationLevel());
    this.slots.push(indent ? slot.replace(/\n(?!\n)/g, `\n${indent}`) : slot);
    w.write(SLOT);
    return true;
  }

  /** Writes laid-out text through the writer, its later lines indented like the current one. */
  private writeLaidOut(text: string): void {
    const w = this.writer;
    if (text.includes(TRIM)) this.trimmed = true;
    if (!text.includes('\n')) {
      w.write(text);
      return;
    }
    const level = w.getIndentationLevel();
    w.withIndentationLevel(level, () => {
      w.queueIndentationLevel(level);
      w.write(text);
    });
  }

  private docs(docs: Docs): void {
    if (docs == null) return;
    for (const doc of docs) {
      this.writer.closeComment();
      this.placeDoc(jsDoc(doc));
      this.writer.newLine();
    }
  }
}

/**
 * A property signature as `propertySignature` prints it, when the writer
 * would only copy it: docs, a plain name and type, no initializer.
 */
function propertySignatureText(structure: OptionalKind<PropertySignatureStructure>): string | undefined {
  supported(structure, 'property signature', PROPERTY_SIGNATURE_KEYS);
  if (structure.initializer != null) return undefined;
  let head = `${modifiers(structure)}${structure.name}${structure.hasQuestionToken ? '?' : ''}`;
  const type = structure.type == null ? '' : textOf(structure.type);
  if (!isBlank(type)) {
    const laid = withoutTrailingSpace(type, false);
    if (/\s$/.test(laid)) return undefined;
    head += `${startsOnNewLine(type) ? ':' : ': '}${laid}`;
  }
  if (!isPlainText(head)) return undefined;
  let text = '';
  for (const doc of structure.docs ?? []) text += `${jsDoc(doc)}\n`;
  return `${text}${head};`;
}

/** A JSDoc block as ts-morph prints one: `/** text *\/` on one line, else a star on every line. */
function jsDoc(doc: string | OptionalKind<JSDocStructure>): string {
  let text: string;
  if (typeof doc === 'string') text = doc;
  else {
    supported(doc, 'JSDoc', JSDOC_KEYS);
    if (typeof doc.description === 'function') throw new Error("errcat's TypeScript printer takes a JSDoc description as text (it must go through docText)");
    text = doc.description ?? '';
  }
  const lines = docText(text).split('\n');
  if (lines.length === 1) {
    const line = `/** ${lines[0]}`;
    return line.endsWith(' ') ? `${line}*/` : `${line} */`;
  }
  const start = lines[0] === '' ? 1 : 0;
  let block = '/**';
  for (let index = start; index < lines.length; index++) block += lines[index] ? `\n * ${lines[index]}` : '\n *';
  return `${block}\n */`;
}

/**
 * An enum member as ts-morph prints it on its own: as placed, as written
 * (see `TRIM`), and whether the writer would only copy it.
 */
function enumMember(member: OptionalKind<EnumMemberStructure>): { text: string; written: () => string; plain: boolean } {
  supported(member, 'enum member', ENUM_MEMBER_KEYS);
  let text = '';
  for (const doc of member.docs ?? []) text += `${jsDoc(doc)}\n`;
  const name = memberName(member.name);
  text += name;
  const initializer = member.initializer == null ? '' : textOf(member.initializer);
  if (isBlank(initializer)) return { text, written: () => text, plain: isPlainText(name) };
  const prefix = startsOnNewLine(initializer) ? ' =' : ' = ';
  const laid = withoutTrailingSpace(initializer, false);
  return { text: `${text}${prefix}${laid}`, written: () => `${text}${prefix}${withoutTrailingSpace(initializer, true)}`, plain: isPlainText(`${name}${prefix}${laid}`) };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(
  'do if in for let new try var case else enum eval false null this true void with break catch class const super throw while yield delete export import public return static switch typeof default extends finally package private continue debugger function arguments interface protected implements instanceof'.split(' '),
);

function memberName(name: string): string {
  if ((IDENTIFIER.test(name) && !RESERVED.has(name)) || /^(".*"|'.*')$/s.test(name)) return name;
  if (/[^\x00-\x7f]/.test(name)) throw new Error(`errcat's TypeScript printer takes enum member names in ASCII: ${JSON.stringify(name)}`);
  return new CodeBlockWriter(WRITER_OPTIONS).quote(name).toString();
}

function specifiers(items: ReadonlyArray<string | OptionalKind<ImportSpecifierStructure> | OptionalKind<ExportSpecifierStructure>>): string {
  const names = items.map((item) => {
    if (typeof item === 'string') return item;
    if (typeof item !== 'object') throw new Error("errcat's TypeScript printer takes import and export names as text or structures");
    supported(item, 'import or export name', SPECIFIER_KEYS);
    return `${item.isTypeOnly ? 'type ' : ''}${item.name}${isWhitespace(item.alias) ? '' : ` as ${item.alias}`}`;
  });
  return `{ ${names.join(', ')} }`;
}

interface Modifiers {
  isDefaultExport?: boolean;
  isExported?: boolean;
  hasDeclareKeyword?: boolean;
  scope?: string;
  isStatic?: boolean;
  hasOverrideKeyword?: boolean;
  isAbstract?: boolean;
  isAsync?: boolean;
  isReadonly?: boolean;
}

function modifiers(structure: Modifiers): string {
  let text = structure.isDefaultExport ? 'export default ' : structure.isExported ? 'export ' : '';
  if (structure.hasDeclareKeyword) text += 'declare ';
  if (structure.scope != null) text += `${structure.scope} `;
  if (structure.isStatic) text += 'static ';
  if (structure.hasOverrideKeyword) text += 'override ';
  if (structure.isAbstract) text += 'abstract ';
  if (structure.isAsync) text += 'async ';
  if (structure.isReadonly) text += 'readonly ';
  return text;
}

/** A type or initializer as text: a writer function's, as it writes it into a writer of its own. */
function textOf(value: Text): string {
  if (typeof value === 'function') {
    const writer = new CodeBlockWriter(WRITER_OPTIONS);
    value(writer);
    return writer.toString();
  }
  // The writer reads `\r\n` as a line break and writes `\n`.
  return value.includes('\r') ? new CodeBlockWriter(WRITER_OPTIONS).write(value).toString() : value;
}

/** Whether text starts with a line break, but for white space (which goes). */
function startsOnNewLine(text: string): boolean {
  return /^[ \t]*\n/.test(text);
}

/**
 * Text with white space at the end of a line that another follows taken
 * off: from a line that is only white space at once, from the others behind
 * `TRIM` when `mark`.
 */
function withoutTrailingSpace(text: string, mark: boolean): string {
  if (!/[ \t]\n/.test(text)) return text;
  if (mark && text.includes(TRIM)) throw new Error("errcat's TypeScript printer takes no control characters in type or initializer text");
  return text.replace(/(?<=^|\n)[ \t]+(?=\n)/g, '').replace(/(?<=[^ \t\n])[ \t]+(?=\n)/g, (space) => (mark ? `${TRIM}${space}` : ''));
}

/** The text of a list item's parts, for `endsInTrivia`. */
function itemText(...parts: Array<string | undefined>): string {
  return parts.filter((part) => part !== undefined).join(' ');
}

/**
 * Whether text may end in white space, a comma or a comment, after which
 * ts-morph's scanner would not put a comma; on the safe side, any comment
 * mark outside a double-quoted string, or any other quote, counts.
 */
function endsInTrivia(text: string): boolean {
  return /[\s,]$/.test(text) || /['`]|\/[/*]/.test(text.replace(/"(?:[^"\\\n]|\\.)*"/g, '""'));
}

/**
 * Whether a type or initializer is left out: white space on one line. (Its
 * continuation lines are not blank: ts-morph printed them, as a line break
 * behind the declaration.)
 */
function isBlank(text: string): boolean {
  return !text.includes('\n') && isWhitespace(text);
}

function isWhitespace(text: string | undefined): boolean {
  return text == null || !/\S/.test(text);
}

/**
 * Whether the writer is in no string, template, comment or regular
 * expression, and has written nothing that the text's first character
 * could join, so that plain text leaves it as it found it. The writer keeps
 * the strings and templates it is in on a stack it does not expose; should
 * a later version rename it, nothing is placed and all text goes through
 * the writer: output stays right, only slower (print-source.test.ts fails).
 */
export function readsPlainly(writer: CodeBlockWriter): boolean {
  const state = writer as unknown as { _stringCharStack?: readonly unknown[]; _isInRegEx?: boolean };
  return !writer.isInComment() && state._stringCharStack?.length === 0 && state._isInRegEx === false && !JOINING.has(writer.getLastChar() ?? '');
}

/** Characters the writer would read together with a `/`, `*` or quote that text starts with. */
const JOINING = new Set(['/', '*', '\\']);

function lastNonWhitespaceIsCloseBrace(writer: CodeBlockWriter): boolean {
  return writer.iterateLastCharCodes((code) => (code === CLOSE_BRACE ? true : WHITESPACE.test(String.fromCharCode(code)) ? undefined : false)) ?? false;
}

const CLOSE_BRACE = '}'.charCodeAt(0);
const WHITESPACE = /\s/;

const COMMON = ['kind', 'leadingTrivia', 'trailingTrivia'];
const IMPORT_KEYS = keys('isTypeOnly defaultImport namespaceImport namedImports moduleSpecifier');
const EXPORT_KEYS = keys('isTypeOnly namedExports moduleSpecifier');
const TYPE_ALIAS_KEYS = keys('name type typeParameters docs isExported isDefaultExport hasDeclareKeyword');
const VARIABLE_STATEMENT_KEYS = keys('declarationKind declarations docs isExported isDefaultExport hasDeclareKeyword');
const VARIABLE_DECLARATION_KEYS = keys('name type initializer hasExclamationToken');
const FUNCTION_KEYS = keys('name docs isExported isDefaultExport hasDeclareKeyword isAsync isGenerator typeParameters parameters returnType statements');
const CLASS_KEYS = keys('name docs isExported isDefaultExport hasDeclareKeyword isAbstract typeParameters extends implements properties ctors methods');
const PROPERTY_KEYS = keys('name docs type initializer hasQuestionToken hasExclamationToken scope isStatic isReadonly isAbstract hasOverrideKeyword');
const CONSTRUCTOR_KEYS = keys('docs scope typeParameters parameters statements');
const METHOD_KEYS = keys('name docs scope isStatic isAbstract isAsync hasOverrideKeyword isGenerator hasQuestionToken typeParameters parameters returnType statements');
const INTERFACE_KEYS = keys('name docs isExported isDefaultExport hasDeclareKeyword typeParameters extends properties indexSignatures');
const INDEX_SIGNATURE_KEYS = keys('docs keyName keyType returnType isReadonly');
const PROPERTY_SIGNATURE_KEYS = keys('name docs type initializer hasQuestionToken isReadonly');
const ENUM_KEYS = keys('name docs members isExported isDefaultExport hasDeclareKeyword isConst');
const ENUM_MEMBER_KEYS = keys('name docs initializer');
const TYPE_PARAMETER_KEYS = keys('name constraint default isConst');
const PARAMETER_KEYS = keys('name type initializer hasQuestionToken isRestParameter scope isReadonly hasOverrideKeyword');
const SPECIFIER_KEYS = keys('name alias isTypeOnly');
const JSDOC_KEYS = keys('description');

function keys(names: string): ReadonlySet<string> {
  return new Set([...COMMON, ...names.split(' ')]);
}

/** Refuses a structure that sets what this printer does not print (an empty list or `false` sets nothing). */
function supported(structure: object, what: string, allowed: ReadonlySet<string>): void {
  for (const key in structure) {
    if (allowed.has(key)) continue;
    const value = (structure as Record<string, unknown>)[key];
    if (value == null || value === false || (Array.isArray(value) && value.length === 0)) continue;
    throw new Error(`errcat's TypeScript printer does not print the ${key} of a ${what}`);
  }
  const trivia = structure as { leadingTrivia?: unknown; trailingTrivia?: unknown };
  if (trivia.leadingTrivia != null || trivia.trailingTrivia != null) throw new Error(`errcat's TypeScript printer does not print trivia (of a ${what})`);
}
