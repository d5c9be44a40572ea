import { describe, expect, it } from "vitest";
import { EnvironmentError, readEnvironment } from "./env";

describe("readEnvironment", () => {
  it("applies defaults when nothing is set", () => {
    const env = readEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DUIZHAO_DATA_DIR).toBe(".data/postgres");
  });

  it("treats empty strings as unset", () => {
    expect(readEnvironment({ DATABASE_URL: "", PORT: " " }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL and a port", () => {
    const env = readEnvironment({ DATABASE_URL: "postgresql://u:p@db.example:5432/duizhao", PORT: "8080" });
    expect(env.DATABASE_URL).toBe("postgresql://u:p@db.example:5432/duizhao");
    expect(env.PORT).toBe(8080);
  });

  it.each([
    [{ DATABASE_URL: "not-a-url" }, /^DATABASE_URL \(got "not-a-url"\): must be a PostgreSQL URL/],
    [{ DATABASE_URL: "mysql://localhost/x" }, /^DATABASE_URL/],
    [{ PORT: "eighty" }, /^PORT \(got "eighty"\)/],
    [{ PORT: "70000" }, /^PORT/],
    [{ DUIZHAO_DB_PORT: "0" }, /^DUIZHAO_DB_PORT/],
  ])("rejects %j with one line naming the variable", (input, message) => {
    expect(() => readEnvironment(input)).toThrow(EnvironmentError);
    expect(() => readEnvironment(input)).toThrow(message);
  });
});
