import type { Side } from "@/lib/compare/compare-state";

export const SIDES = ["left", "right"] as const satisfies readonly Side[];

export const otherSide = (side: Side): Side => (side === "left" ? "right" : "left");
