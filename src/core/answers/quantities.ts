// Numbers as a claim states them and as a sentence holds them, in one form that compares: 4600억 and "460 billion
// won" are 460,000,000,000 won; "10만건" is 100,000 of 건. A yes/no check compares only what counts the same thing.
import type { Stated } from "../understand/read.js";

export interface Quantity {
  value: number;
  /** What is counted: 원, 건, 명, 개, % — or nothing said. */
  unit?: string;
}

const SCALE: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };
const WON: Record<string, number> = { 원: 1, 만원: 1e4, 억원: 1e8, 조원: 1e12 };

/** A number the question states. A bare 억 or 조 is money; a bare 만 is only a size. */
export function quantityOf(s: Stated): Quantity {
  if (s.unit && WON[s.unit]) return { value: s.value * WON[s.unit], unit: "원" };
  if (s.unit === "억" || s.unit === "조") return { value: s.value * SCALE[s.unit], unit: "원" };
  if (s.unit === "만") return { value: s.value * SCALE[s.unit] };
  return { value: s.value, ...(s.unit ? { unit: s.unit } : {}) };
}

/** The numbers a sentence holds: "400억원" → 40,000,000,000 원, "10만건" → 100,000 건, "89.6%" → 89.6 %. */
export function quantitiesIn(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(만|억|조)?\s*(원|건|명|개|%|퍼센트)?/g)) {
    const value = Number(m[1].replace(/,/g, "")) * (m[2] ? SCALE[m[2]] : 1);
    const unit = m[3] === "퍼센트" ? "%" : (m[3] ?? (m[2] === "억" || m[2] === "조" ? "원" : undefined));
    out.push({ value, ...(unit ? { unit } : {}) });
  }
  return out;
}

/** Whether a stated quantity matches one of those held; undefined when none counts the same thing. */
export function matches(stated: Quantity, held: readonly Quantity[]): boolean | undefined {
  const comparable = held.filter((h) => h.unit === stated.unit || (stated.unit === undefined) !== (h.unit === undefined));
  return comparable.length ? comparable.some((h) => h.value === stated.value) : undefined;
}
