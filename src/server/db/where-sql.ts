import { Prisma } from "@/generated/prisma/client";

/**
 * A table's columns a list filters on, with the SQL type of their values
 * (null: sent as Prisma sends them, e.g. dates and text), its to-one
 * relations as their foreign key and the related table, and its to-many
 * relations (filtered with `some` or `none`) as the related table and its
 * foreign key to this one's id.
 */
export type TableSql = {
  table: string;
  columns: Record<string, string | null>;
  relations?: Record<string, { foreignKey: string; target: () => TableSql }>;
  collections?: Record<string, { foreignKey: string; target: () => TableSql }>;
};

const comparisons: Record<string, string> = { gt: ">", gte: ">=", lt: "<", lte: "<=" };

/**
 * A list's filters, written once as Prisma conditions, as SQL on `alias`
 * (decision 0041): AND, OR, equality, null, `in`, `not: null`, comparisons,
 * `contains` without case, to-one relations (a semi-join on the foreign
 * key) and `some` or `none` of a to-many relation (EXISTS, NOT EXISTS: the
 * access rules' delegations, the reads of a communication; decision 0057).
 * Any other shape is a programming error, not a filter silently dropped.
 */
export function whereSql(alias: string, table: TableSql, where: object, depth = 0): Prisma.Sql {
  const parts = Object.entries(where).flatMap(([key, condition]: [string, unknown]): Prisma.Sql[] => {
    if (key === "AND" || key === "OR") {
      const list = (Array.isArray(condition) ? condition : [condition]) as object[];
      const each = list.map((item) => whereSql(alias, table, item, depth));
      if (key === "AND") return each;
      return [each.length > 0 ? Prisma.sql`(${Prisma.join(each, " OR ")})` : Prisma.sql`FALSE`];
    }
    const relation = table.relations?.[key];
    if (relation) {
      const target = relation.target();
      const inner = `t${depth + 1}`;
      return [
        Prisma.sql`${Prisma.raw(`${alias}."${relation.foreignKey}"`)} IN (SELECT ${Prisma.raw(`${inner}.id`)} FROM ${Prisma.raw(`"${target.table}" ${inner}`)} WHERE ${whereSql(inner, target, condition as object, depth + 1)})`,
      ];
    }
    const collection = table.collections?.[key];
    if (collection) {
      const entries = Object.entries(condition as object);
      const [quantifier, related] = entries[0] ?? [];
      if (entries.length !== 1 || (quantifier !== "some" && quantifier !== "none"))
        throw new Error(`Filtro senza SQL: ${table.table}.${key}`);
      const target = collection.target();
      const inner = `t${depth + 1}`;
      const exists = Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(`"${target.table}" ${inner}`)} WHERE ${Prisma.raw(`${inner}."${collection.foreignKey}" = ${alias}.id`)} AND ${whereSql(inner, target, related as object, depth + 1)})`;
      return [quantifier === "some" ? exists : Prisma.sql`NOT ${exists}`];
    }
    return columnSql(alias, table, key, condition);
  });
  return parts.length > 0 ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

function columnSql(alias: string, table: TableSql, column: string, condition: unknown): Prisma.Sql[] {
  const type = table.columns[column];
  if (type === undefined) throw new Error(`Filtro senza SQL: ${table.table}.${column}`);
  const ref = Prisma.raw(`${alias}."${column}"`);
  const value = (operand: unknown) => (type ? Prisma.sql`${operand}::${Prisma.raw(type)}` : Prisma.sql`${operand}`);
  if (condition === undefined) return [];
  if (condition === null) return [Prisma.sql`${ref} IS NULL`];
  // Any plain value (a boolean too: read as an object it would have no operators, a filter silently dropped).
  if (typeof condition !== "object" || condition instanceof Date) return [Prisma.sql`${ref} = ${value(condition)}`];
  const operators = condition as Record<string, unknown>;
  return Object.entries(operators).flatMap(([operator, operand]) => {
    if (operator === "mode") return [];
    if (operator === "contains" && operators.mode === "insensitive") return [Prisma.sql`${ref} ILIKE ${`%${String(operand)}%`}`];
    if (operator === "in" && type) return [Prisma.sql`${ref} = ANY(${operand}::${Prisma.raw(type)}[])`];
    if (operator === "not" && operand === null) return [Prisma.sql`${ref} IS NOT NULL`];
    const comparison = comparisons[operator];
    if (!comparison) throw new Error(`Filtro senza SQL: ${table.table}.${column}.${operator}`);
    return [Prisma.sql`${ref} ${Prisma.raw(comparison)} ${value(operand)}`];
  });
}
