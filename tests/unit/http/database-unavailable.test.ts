import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isDatabaseUnavailable, toAppError } from "@/lib/server/http/error-response";

/** An error as Prisma's driver adapter hands it up: the pg error as its cause. */
function wrapped(message: string, cause: Record<string, unknown>) {
  return Object.assign(new Error(message), { name: "DriverAdapterError", cause });
}

describe("recognising a database that is away", () => {
  it("sees the failures a PostgreSQL restart produces, at any depth of the cause chain", () => {
    const away = [
      new Error("Client has encountered a connection error and is not queryable"),
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      wrapped("terminating connection due to administrator command", { kind: "postgres", code: "57P01" }),
      wrapped("Error in connector", { kind: "postgres", code: "57P03", message: "the database system is starting up" }),
      wrapped("query failed", { cause: { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) } }),
      wrapped("closed", { kind: "ConnectionClosed" }),
      Object.assign(new Error("sorry, too many clients already"), { code: "53300" }),
      new Error("timeout exceeded when trying to connect"),
    ];
    for (const error of away) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("sees it in a raw query's failure, where Prisma keeps the adapter's error in meta (P2010)", () => {
    // As $queryRaw reports a connection closed under it: the words are Prisma's, the kind the adapter's.
    const raw = (cause: Record<string, unknown>) =>
      Object.assign(new Error("Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`"), {
        code: "P2010",
        meta: { driverAdapterError: wrapped("DriverAdapterError", cause) },
      });
    expect(isDatabaseUnavailable(raw({ kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnavailable(raw({ kind: "SocketTimeout" }))).toBe(true);
    // The same wrapping around an ordinary failure is still ordinary.
    expect(isDatabaseUnavailable(raw({ kind: "UniqueConstraintViolation", constraint: { fields: ["id"] } }))).toBe(false);
  });

  it("sees a database that hangs once a limit ends the wait: statement timeout, lock timeout, no answer at all", () => {
    const hung = [
      Object.assign(new Error("Raw query failed. Code: `57014`. Message: `canceling statement due to statement timeout`"), { code: "P2010" }),
      wrapped("Database error", { kind: "postgres", code: "57014", message: "canceling statement due to statement timeout" }),
      wrapped("Database error", { kind: "postgres", code: "55P03", message: "canceling statement due to lock timeout" }),
      new Error("Query read timeout"),
    ];
    for (const error of hung) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("does not mistake ordinary query failures for an outage", () => {
    const ordinary = [
      Object.assign(new Error("Unique constraint failed on the fields: (`id`)"), { code: "P2002" }),
      wrapped("syntax error at or near", { kind: "postgres", code: "42601" }),
      new Error("Cannot read properties of undefined"),
      null,
      "a string",
    ];
    for (const error of ordinary) expect(isDatabaseUnavailable(error), String(error)).toBe(false);
  });

  it("answers an outage with 503 and a sentence that does not promise nothing was saved", () => {
    const mapped = toAppError(new Error("Client has encountered a connection error and is not queryable"));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.status).toBe(503);
    expect(mapped.message).toMatch(/try again/i);
    expect(mapped.message).not.toMatch(/nothing was saved/i);
  });

  it("survives a cause chain that loops", () => {
    const a: { message: string; cause?: unknown } = { message: "a" };
    a.cause = { message: "b", cause: a };
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
