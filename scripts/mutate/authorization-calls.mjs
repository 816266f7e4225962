/**
 * Where the services ask the policy (src/server/services/**, and the error handler that logs
 * denials): every call to a function imported from the policy module (`authorize*`,
 * `require*Permission`, `hideUnless`, `forbidWhen`, `keepingAnAdmin`, `canSeeEmail`, …), every
 * `authorize*` method (`kind.authorizeRead`), and `recordDenial`. Read from the TypeScript syntax
 * tree, so the list follows the code as it changes.
 *
 * Two users: stryker.config.mjs mutates exactly the statements holding these calls (mutation
 * ranges), and delete-calls.mjs deletes each check, which no Stryker mutator does. It also deletes
 * the checks the policy's own rules are made of (`policyChecks`): within the policy module every
 * call to a check is one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export const ROOT = join(import.meta.dirname, "../..");

/** The files whose policy calls are in scope, besides every service. */
const ALSO = ["src/server/http/error-handler.ts"];

/** Functions outside the policy module that enforce a rule, by the module that exports them. */
const RULES_ELSEWHERE = { recordDenial: /\/services\/audit\.js$/ };

/** Whole functions in scope: the denial log itself (SPEC §4: denials are logged). */
export const WHOLE_FUNCTIONS = [
  { file: "src/server/services/audit.ts", name: "recordDenial" },
  { file: "src/server/services/audit.ts", name: "recordRefusal" },
];

/** Checks that return nothing and only refuse: deleting the call deletes the rule. */
const CHECK = /^(authorize\w+|require\w+|forbid\w+|hideUnless|recordDenial)$/;

const tsFiles = (dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `${dir}/${f}`);

export function filesInScope() {
  return [...tsFiles("src/server/services"), ...ALSO];
}

export const policyFiles = () => tsFiles("src/server/policy");

/** Names the file imports from the policy module, and the other rule functions it imports. */
function ruleImports(source) {
  const names = new Set();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const name = element.name.text;
      if (/\/policy\//.test(from) || RULES_ELSEWHERE[name]?.test(from)) names.add(name);
    }
  }
  return names;
}

function calleeName(call) {
  if (ts.isIdentifier(call.expression)) return call.expression.text;
  if (ts.isPropertyAccessExpression(call.expression)) return call.expression.name.text;
  return undefined;
}

/**
 * What to mutate around a call: the statement it makes (`authorizeX(…);`, `const x = …`,
 * `return …`, through `await`, `!`, `&&`, `? :` and an arrow whose body it is), or, where it is
 * only a part of something else (an argument, a property), that part: the call, or the arrow
 * around it. A statement that is the only branch of an `if` (without `else`) takes the `if` with
 * it, whose condition decides whether the rule runs.
 */
function statementOf(node, isRuleCall) {
  let part = node;
  for (let parent = part.parent; parent && carries(parent, part); parent = part.parent) part = parent;
  if (!isStatementLike(part)) return part;
  const guard = ts.isBlock(part.parent) ? part.parent.parent : part.parent;
  if (!guard || !ts.isIfStatement(guard) || guard.elseStatement) return part;
  const branch = ts.isBlock(guard.thenStatement) ? guard.thenStatement.statements : [guard.thenStatement];
  return branch.every((s) => ts.isVariableStatement(s) || containsCall(s, isRuleCall)) ? guard : part;
}

/** Whether `parent` is made of `child` (so the rule is what it computes), up to the statement. */
function carries(parent, child) {
  if (isStatementLike(child)) return false;
  if (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isPrefixUnaryExpression(parent)) return true;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    return op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken;
  }
  if (ts.isConditionalExpression(parent)) return parent.condition === child;
  if (ts.isArrowFunction(parent)) return parent.body === child;
  return (
    ts.isVariableDeclaration(parent) ||
    ts.isVariableDeclarationList(parent) ||
    ts.isVariableStatement(parent) ||
    ts.isExpressionStatement(parent) ||
    ts.isReturnStatement(parent) ||
    (ts.isIfStatement(parent) && parent.expression === child)
  );
}

function containsCall(node, isRuleCall) {
  return (ts.isCallExpression(node) && isRuleCall(node)) || ts.forEachChild(node, (child) => containsCall(child, isRuleCall)) === true;
}

function isStatementLike(node) {
  return (
    ts.isExpressionStatement(node) ||
    ts.isVariableStatement(node) ||
    ts.isReturnStatement(node) ||
    ts.isThrowStatement(node) ||
    ts.isIfStatement(node)
  );
}

function position(source, offset) {
  const { line, character } = source.getLineAndCharacterOfPosition(offset);
  return { line: line + 1, column: character };
}

/**
 * The policy calls of one file: for each, the callee, whether it is a check (deletable), the
 * text span of the call and, for keepingAnAdmin, of the change it guards, and the statement
 * around it.
 */
export function authorizationCalls(file) {
  const text = readFileSync(join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imported = ruleImports(source);
  const inPolicy = file.startsWith("src/server/policy/");
  const isRuleCall = (call) => {
    const name = calleeName(call);
    if (!name) return false;
    if (inPolicy) return CHECK.test(name);
    if (ts.isPropertyAccessExpression(call.expression)) return /^authorize/.test(name);
    return imported.has(name);
  };
  const calls = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && isRuleCall(node)) {
      const name = calleeName(node);
      const statement = statementOf(node, isRuleCall);
      calls.push({
        file,
        name,
        line: position(source, node.getStart(source)).line,
        check: CHECK.test(name),
        call: { start: node.getStart(source), end: node.getEnd() },
        change: name === "keepingAnAdmin" ? argumentSpan(source, node.arguments[1]) : undefined,
        statement: { start: position(source, statement.getStart(source)), end: position(source, statement.getEnd()) },
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { text, calls };
}

function argumentSpan(source, node) {
  return node ? { start: node.getStart(source), end: node.getEnd() } : undefined;
}

/** The span of a named function declaration, for WHOLE_FUNCTIONS. */
export function functionRange(file, name) {
  const text = readFileSync(join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === name);
  if (!declaration) throw new Error(`${file}: no function ${name}`);
  return { start: position(source, declaration.getStart(source)), end: position(source, declaration.getEnd()) };
}

/** Stryker's `mutate` entries: `file:line:column-line:column`, lines from 1, columns from 0. */
export function mutationRanges() {
  const range = (file, { start, end }) => `${file}:${start.line}:${start.column}-${end.line}:${end.column}`;
  const ranges = new Set();
  for (const file of filesInScope()) for (const call of authorizationCalls(file).calls) ranges.add(range(file, call.statement));
  for (const { file, name } of WHOLE_FUNCTIONS) ranges.add(range(file, functionRange(file, name)));
  return [...ranges];
}
