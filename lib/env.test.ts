import { describe, expect, it } from "vitest";
import { EnvironmentError, readEnvironment, readSetting } from "./env";

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
    [{ DUIZHAO_DEBUG_MIGRATIONS: "maybe" }, /^DUIZHAO_DEBUG_MIGRATIONS \(got "maybe"\): must be 1, true, yes or on/],
    [{ DUIZHAO_PUBLIC_URL: "duizhao.example.org" }, /^DUIZHAO_PUBLIC_URL \(got "duizhao.example.org"\): must be an http\(s\) URL/],
  ])("rejects %j with one line naming the variable", (input, message) => {
    expect(() => readEnvironment(input)).toThrow(EnvironmentError);
    expect(() => readEnvironment(input)).toThrow(message);
  });

  it("reads the link-preview font and the migration debug switch", () => {
    expect(readEnvironment({}).DUIZHAO_OG_FONT).toBeUndefined();
    expect(readEnvironment({ DUIZHAO_OG_FONT: "/fonts/SourceHanSerif.otf" }).DUIZHAO_OG_FONT).toBe("/fonts/SourceHanSerif.otf");
    expect(readEnvironment({}).DUIZHAO_DEBUG_MIGRATIONS).toBe(false);
    expect(readEnvironment({ DUIZHAO_DEBUG_MIGRATIONS: "1" }).DUIZHAO_DEBUG_MIGRATIONS).toBe(true);
    expect(readEnvironment({ DUIZHAO_DEBUG_MIGRATIONS: "off" }).DUIZHAO_DEBUG_MIGRATIONS).toBe(false);
  });
});

describe("readSetting", () => {
  it("reads one variable with the same rules and defaults as readEnvironment", () => {
    expect(readSetting("PORT", {})).toBe(3000);
    expect(readSetting("PORT", { PORT: "8080" })).toBe(8080);
    expect(readSetting("DATABASE_URL", { DATABASE_URL: " " })).toBeUndefined();
    expect(readSetting("DUIZHAO_PUBLIC_URL", { DUIZHAO_PUBLIC_URL: "https://duizhao.example.org" })).toBe("https://duizhao.example.org");
    expect(readSetting("DUIZHAO_DEBUG_MIGRATIONS", { DUIZHAO_DEBUG_MIGRATIONS: "yes" })).toBe(true);
  });

  it("fails with one line naming the variable", () => {
    expect(() => readSetting("DATABASE_URL", { DATABASE_URL: "not-a-url" })).toThrow(EnvironmentError);
    expect(() => readSetting("DATABASE_URL", { DATABASE_URL: "not-a-url" })).toThrow(/^DATABASE_URL \(got "not-a-url"\): must be a PostgreSQL URL/);
  });

  it("does not fail on another variable's wrong value", () => {
    expect(readSetting("DATABASE_URL", { PORT: "eighty", DATABASE_URL: "postgresql://u@db/duizhao" })).toBe("postgresql://u@db/duizhao");
  });

  it("reads process.env by default", () => {
    const before = process.env.DUIZHAO_OG_FONT;
    process.env.DUIZHAO_OG_FONT = "/tmp/font.otf";
    try {
      expect(readSetting("DUIZHAO_OG_FONT")).toBe("/tmp/font.otf");
    } finally {
      if (before === undefined) delete process.env.DUIZHAO_OG_FONT;
      else process.env.DUIZHAO_OG_FONT = before;
    }
  });
});
